from typing import Optional


def f(x: Optional[int] = None) -> int:
    x = None
    print(x)
    return 0
