class Registry(dict[str, int]):
    def register(self, name: str) -> int:
        self[name] = len(self)
        return self[name]
