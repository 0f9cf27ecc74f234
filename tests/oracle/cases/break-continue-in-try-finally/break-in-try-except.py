def parse_until_bad(items: list[str]) -> list[int]:
    out: list[int] = []
    for item in items:
        try:
            out.append(int(item))
        except ValueError:
            break
    return out
