from typing import Final


def f(n: int) -> int:
    x: Final[int] = n * 2
    return x
