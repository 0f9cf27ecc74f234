def pick(a):
    x: int
    x = a
    return x
