def f() -> int:
    return 1
    pass
