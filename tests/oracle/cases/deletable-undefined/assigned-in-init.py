class Point:
    __deletable__ = ["x"]

    def __init__(self) -> None:
        self.x = 0
