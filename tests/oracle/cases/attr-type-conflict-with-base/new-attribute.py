class Shape:
    sides: int

    def __init__(self) -> None:
        self.sides = 0


class Square(Shape):
    regular: bool

    def __init__(self) -> None:
        super().__init__()
        self.sides = 4
        self.regular = True
