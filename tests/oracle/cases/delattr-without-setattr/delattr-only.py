class Record:
    def __delattr__(self, name: str) -> None:
        pass
