def parse_all(items: list[str]) -> list[int]:
    out: list[int] = []
    for item in items:
        try:
            out.append(int(item))
        except ValueError:
            continue
        finally:
            print(item)
    return out
