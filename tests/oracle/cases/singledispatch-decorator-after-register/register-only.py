import functools


@functools.singledispatch
def show(arg: object) -> str:
    return "?"


@show.register
def _(arg: int) -> str:
    return "int"


@show.register
def _(arg: str) -> str:
    return "str"
