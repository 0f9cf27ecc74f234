class Shape:
    def __new__(cls) -> "Shape":
        cls = Shape
        return object.__new__(cls)
