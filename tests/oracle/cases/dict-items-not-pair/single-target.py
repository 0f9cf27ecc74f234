def show(d: dict[str, int]) -> None:
    for item in d.items():
        print(item[0], item[1])
