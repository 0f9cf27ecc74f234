def f(n: int) -> int:
    x = None
    if n:
        x = n
    return x or 0
