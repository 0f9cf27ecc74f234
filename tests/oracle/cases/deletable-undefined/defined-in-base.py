class Base:
    x: int


class Point(Base):
    __deletable__ = ["x"]
