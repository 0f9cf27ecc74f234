from typing import Optional


def f(x: Optional[int]) -> Optional[int]:
    if x is None:
        return None
    return x + 1
