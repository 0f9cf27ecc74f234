from functools import singledispatch


@singledispatch
def show(arg: object) -> str:
    return "object"


def setup() -> None:
    @show.register
    def _(arg: int) -> str:
        return "int"
