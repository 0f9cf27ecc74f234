class Cache:
    def __init__(self) -> None:
        self.value = 1

    def clear(self) -> None:
        del self.value
