def f() -> int:
    return 1
    "docstring-like"
