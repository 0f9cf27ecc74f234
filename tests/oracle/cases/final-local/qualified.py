import typing


def f() -> int:
    x: typing.Final = 1
    return x
