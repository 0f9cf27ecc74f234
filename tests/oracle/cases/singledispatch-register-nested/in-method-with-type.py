from functools import singledispatch


@singledispatch
def show(arg: object) -> str:
    return "object"


class Plugin:
    def install(self) -> None:
        @show.register(int)
        def _show_int(arg: int) -> str:
            return "int"
