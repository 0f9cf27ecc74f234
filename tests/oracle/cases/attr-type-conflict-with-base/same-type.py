class Shape:
    sides: int

    def __init__(self) -> None:
        self.sides = 0


class Square(Shape):
    sides: int

    def __init__(self) -> None:
        self.sides = 4
