class Limits:
    def __init__(self) -> None:
        self.low = self.high = 50
