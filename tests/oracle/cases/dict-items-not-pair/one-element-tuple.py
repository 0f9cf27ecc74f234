def show(d: dict[str, int]) -> None:
    for (key,) in d.items():
        print(key)
