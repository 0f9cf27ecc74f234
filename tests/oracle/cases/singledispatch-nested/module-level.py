from functools import singledispatch


@singledispatch
def inner(arg: object) -> str:
    return "?"


def outer() -> str:
    return inner(1)
