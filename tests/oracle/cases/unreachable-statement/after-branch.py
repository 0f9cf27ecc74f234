def f() -> int:
    if True:
        return 1

    def g() -> int:
        return 2
    return g()
