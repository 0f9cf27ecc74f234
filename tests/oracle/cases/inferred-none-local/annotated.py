from typing import Optional


def f() -> None:
    x: Optional[int] = None
    print(x)
