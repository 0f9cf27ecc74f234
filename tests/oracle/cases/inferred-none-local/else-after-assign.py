def f(n: int) -> int:
    x = None
    if n:
        x = n
    else:
        print(x)
    return 0
