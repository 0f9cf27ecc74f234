class Counter:
    total: int = 0

    def reset(self) -> None:
        self.total = 0
