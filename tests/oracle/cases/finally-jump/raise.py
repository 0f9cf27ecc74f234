def f() -> int:
    try:
        pass
    finally:
        raise ValueError()
