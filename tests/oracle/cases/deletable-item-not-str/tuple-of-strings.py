class Point:
    __deletable__ = ("x", "y")

    def __init__(self) -> None:
        self.x = 0
        self.y = 0
