def outer():
    def inner() -> int:
        x: int = 1
        return x
    return inner
