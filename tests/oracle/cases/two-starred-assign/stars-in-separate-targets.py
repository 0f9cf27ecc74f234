def split(values: list[int]) -> list[int]:
    a, *rest = values
    *init, last = values
    return rest + init
