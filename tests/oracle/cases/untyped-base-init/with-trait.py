from mypy_extensions import trait


class Base:
    def __init__(self, x):
        self.x = x


@trait
class T:
    pass


class Sub(Base, T):
    def __init__(self, x: int) -> None:
        super().__init__(x)
