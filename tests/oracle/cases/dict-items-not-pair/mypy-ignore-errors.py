# mypy: ignore-errors
def show(d: dict[str, tuple[int, int]]) -> None:
    for key, a, b in d.items():
        print(key, a, b)
