from enum import Enum


class Color(Enum):
    RED = 1

    def __new__(cls, value: int) -> "Color":
        obj = object.__new__(cls)
        obj._value_ = value
        return obj
