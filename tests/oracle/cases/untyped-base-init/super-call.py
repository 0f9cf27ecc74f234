class Base:
    def __init__(self, x):
        self.x = x


class Sub(Base):
    def __init__(self, x: int) -> None:
        super().__init__(x)
