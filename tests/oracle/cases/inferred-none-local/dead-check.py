from typing import Dict


def f(d: Dict[str, int]) -> int:
    x = d.get("a")
    if x is None:
        x = 0
    if x is None:
        raise ValueError(x)
    return x
