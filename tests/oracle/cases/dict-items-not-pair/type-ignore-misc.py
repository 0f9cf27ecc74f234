def show(d: dict[str, tuple[int, int]]) -> None:
    for key, a, b in d.items():  # type: ignore[misc]
        print(key, a, b)
