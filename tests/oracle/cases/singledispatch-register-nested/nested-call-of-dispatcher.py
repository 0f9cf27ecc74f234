from functools import singledispatch


@singledispatch
def show(arg: object) -> str:
    return "object"


@show.register
def _(arg: int) -> str:
    return "int"


def setup() -> str:
    def helper(x: object) -> str:
        return show(x)

    return helper(1)
