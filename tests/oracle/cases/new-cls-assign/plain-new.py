class Shape:
    def __new__(cls) -> "Shape":
        return object.__new__(cls)
