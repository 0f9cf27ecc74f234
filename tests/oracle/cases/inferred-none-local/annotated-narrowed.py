from typing import Dict, Optional


def f(d: Dict[str, int]) -> Optional[int]:
    x: Optional[int] = d.get("a")
    if x is None:
        return x
    return x + 1
