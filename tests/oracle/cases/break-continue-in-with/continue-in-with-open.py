def sizes(paths: list[str]) -> list[int]:
    out: list[int] = []
    for path in paths:
        with open(path) as f:
            text = f.read()
            if not text:
                continue
            out.append(len(text))
    return out
