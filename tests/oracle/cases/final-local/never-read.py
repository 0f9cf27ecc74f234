from typing import Final


def f() -> None:
    x: Final = 1
