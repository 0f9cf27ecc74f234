class Base:
    def __init__(self, x):
        self.x = x


class Mid(Base):
    pass


class Sub(Mid):
    def __init__(self, x: int) -> None:
        super().__init__(x)
