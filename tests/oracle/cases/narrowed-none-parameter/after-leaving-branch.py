from typing import Optional


def f(x: Optional[int]) -> str:
    if x is not None:
        return str(x)
    return "missing: %r" % (x,)
