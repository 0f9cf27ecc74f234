from typing import Final


def f() -> int:
    x: Final[int] = 1
    return x
