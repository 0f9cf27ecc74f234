from enum import Enum


class Color(Enum):
    RED = 1


def red() -> Color:
    return Color.RED
