def f() -> int:
    try:
        pass
    finally:
        return 1
