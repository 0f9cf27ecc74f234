from typing import Final


def f() -> int:
    x: Final[int] = -1 + 2 * 3
    return x
