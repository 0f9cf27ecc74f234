class Cache:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def drop(self, key: str) -> None:
        del self.values[key]
