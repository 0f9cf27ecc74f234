from typing import Dict


def f(d: Dict[str, int]) -> int:
    x = d.get("a")
    if x is not None:
        return x
    print("missing", x)
    return 0
