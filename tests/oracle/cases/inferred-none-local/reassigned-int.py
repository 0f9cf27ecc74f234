def count(xs: list[int]) -> int:
    n = None
    n = len(xs)
    return n
