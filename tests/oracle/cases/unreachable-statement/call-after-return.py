def f() -> int:
    return 1
    print("dead")
