def f(x: int) -> int:
    try:
        x += 1
    finally:
        if x:
            return 1
    return 0
