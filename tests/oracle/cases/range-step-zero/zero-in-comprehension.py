def ticks() -> list[int]:
    return [i for i in range(10, 0, 0)]
