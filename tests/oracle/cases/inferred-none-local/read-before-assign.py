def f() -> int:
    x = None
    print(x)
    x = 1
    return x
