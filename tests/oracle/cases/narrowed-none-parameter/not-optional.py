def f(x: int) -> int:
    if x is None:
        print(x)
    return x
