def f() -> str:
    x = 1
    try:
        return str(x)
    except ValueError as x:
        return "a"
