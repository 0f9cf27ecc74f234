class Shape:
    sides: int

    def __init__(self) -> None:
        self.sides = 0


class Flag(Shape):
    sides: bool

    def __init__(self) -> None:
        self.sides = True
