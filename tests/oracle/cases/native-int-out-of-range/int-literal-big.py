def f() -> int:
    x: int = 2**70
    y = 18446744073709551616
    return x + y
