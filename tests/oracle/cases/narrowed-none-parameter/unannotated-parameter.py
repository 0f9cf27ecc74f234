def f(x, y: int) -> int:
    if x is None:
        print(x)
    return y
