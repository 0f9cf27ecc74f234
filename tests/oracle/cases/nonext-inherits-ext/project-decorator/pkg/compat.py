from typing import TypeVar

T = TypeVar("T")


def final(cls: T) -> T:
    return cls
