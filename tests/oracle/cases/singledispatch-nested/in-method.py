from functools import singledispatch


class Formatter:
    def fmt(self, x: object) -> str:
        @singledispatch
        def inner(arg: object) -> str:
            return "?"

        return inner(x)
