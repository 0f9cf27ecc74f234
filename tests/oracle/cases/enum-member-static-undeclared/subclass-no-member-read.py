from enum import Enum


class Base(Enum):
    pass


class Color(Base):
    RED = 1


def name(c: Color) -> str:
    return c.name
