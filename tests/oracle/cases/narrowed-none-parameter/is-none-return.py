from typing import Optional


def f(x: Optional[int]) -> Optional[int]:
    if x is None:
        return x
    return x + 1
