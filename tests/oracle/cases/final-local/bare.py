from typing import Final


def f() -> int:
    x: Final = 1
    return x
