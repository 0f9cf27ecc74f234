class Point:
    x: int

    __deletable__ = ["x"]

    def __init__(self) -> None:
        self.x = 0

    def clear(self) -> None:
        del self.x
