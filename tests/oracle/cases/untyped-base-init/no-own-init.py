class Base:
    def __init__(self, x):
        self.x = x


class Sub(Base):
    pass


def f() -> Sub:
    return Sub(1)
