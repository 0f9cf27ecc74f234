from typing import Final


def f() -> int:
    x: Final = 1

    def g() -> int:
        return x

    return g()
