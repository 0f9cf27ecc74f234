def f() -> int:
    try:
        return 0
    finally:
        return 1
