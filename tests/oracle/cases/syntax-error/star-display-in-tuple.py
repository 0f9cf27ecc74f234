from typing import Iterator


def pair() -> tuple[int, ...]:
    return *[1, 2], 3


def letters() -> Iterator[tuple[str, ...]]:
    yield "x", *"ab"


def total() -> int:
    s = 0
    for x in *[1, 2], *(3,):
        s += x
    return s


g = 1, *"ten"
