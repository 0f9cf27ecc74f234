def f() -> int:
    for i in range(3):
        continue

        def g() -> int:
            return 2
    return 0
