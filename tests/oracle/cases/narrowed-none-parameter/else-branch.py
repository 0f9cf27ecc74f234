from typing import Optional


def f(x: Optional[int]) -> int:
    if x is not None:
        return x
    else:
        print(x)
    return 0
