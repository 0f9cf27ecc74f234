def f(a: int, /, b: int = 0, *, c: int = 1) -> int:
    if (n := a + b) > c:
        return n
    return c
