from enum import IntEnum


class Level(IntEnum):
    LOW = 1


def low() -> Level:
    return Level.LOW
