def show(rows: list[tuple[str, int, int]]) -> None:
    for key, a, b in rows:
        print(key, a, b)
