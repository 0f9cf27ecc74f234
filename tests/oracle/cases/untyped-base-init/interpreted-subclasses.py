from mypy_extensions import mypyc_attr


@mypyc_attr(allow_interpreted_subclasses=True)
class Base:
    def __init__(self, x):
        self.x = x


@mypyc_attr(allow_interpreted_subclasses=True)
class Sub(Base):
    def __init__(self, x: int) -> None:
        super().__init__(x)
