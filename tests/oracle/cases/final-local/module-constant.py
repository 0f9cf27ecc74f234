from typing import Final

K: Final = 3


def f() -> int:
    x: Final[int] = K
    return x
