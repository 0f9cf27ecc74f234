from typing import Dict


def f(d: Dict[str, int]) -> int:
    x = d.get("a")
    assert x is None
    print(x)
    return 0
