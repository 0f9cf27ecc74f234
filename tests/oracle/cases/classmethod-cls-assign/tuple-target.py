class Shape:
    @classmethod
    def pick(cls, n: int) -> int:
        cls, k = Shape, n
        return k
