def f(n: int) -> int:
    x = None
    while n:
        if x is None:
            x = n
        n -= 1
    return x or 0
