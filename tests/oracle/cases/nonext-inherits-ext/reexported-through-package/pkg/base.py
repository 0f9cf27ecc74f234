class Handler:
    def handle(self, event: str) -> None:
        pass
