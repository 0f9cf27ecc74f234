class C:
    x = None  # type: ignore
