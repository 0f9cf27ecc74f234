from functools import singledispatch


def outer() -> str:
    @singledispatch
    def inner(arg: object) -> str:
        return "?"

    return inner(1)
