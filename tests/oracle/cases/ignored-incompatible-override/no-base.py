class C:
    x = []  # type: ignore
