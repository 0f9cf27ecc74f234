from enum import Enum


class Base(Enum):
    pass


class Color(Base):
    RED = 1
    GREEN = 2


def red() -> Color:
    return Color.RED
