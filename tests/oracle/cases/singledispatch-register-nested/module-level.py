from functools import singledispatch


@singledispatch
def show(arg: object) -> str:
    return "object"


@show.register
def _(arg: int) -> str:
    return "int"


def setup() -> str:
    return show(1)
