class Shape:
    @staticmethod
    def clamp(cls: int) -> int:
        cls = max(cls, 0)
        return cls
