def split(values: list[int]) -> list[int]:
    head, *tail = values
    return tail
