def f(x, y: int) -> int:
    x = None
    print(x)
    return y
