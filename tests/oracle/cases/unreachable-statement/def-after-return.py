def f() -> int:
    return 1

    def g() -> int:
        return 2
