from typing import Optional


def f(x: Optional[str]) -> str:
    if x is None:
        raise ValueError(f"bad value {x!r}")
    return x
