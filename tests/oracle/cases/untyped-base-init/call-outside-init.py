class Base:
    def __init__(self, x):
        self.x = x


class Sub(Base):
    def go(self) -> None:
        Base.__init__(self, 2)
