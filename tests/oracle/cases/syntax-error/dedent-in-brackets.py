def total(a: int, b: int) -> int:
    s = (a +
b)
    return s
