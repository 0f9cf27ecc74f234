class Cache:
    def __init__(self) -> None:
        self.value = 1


def clear(c: Cache) -> None:
    del c.value
