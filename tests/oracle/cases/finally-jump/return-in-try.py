def f() -> int:
    try:
        return 1
    except ValueError:
        return 2
    finally:
        print("x")
