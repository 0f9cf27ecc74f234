def f():
    x = None
    print(x)
    return 0
