from typing import Dict, Optional


def f(d: Dict[str, int]) -> Optional[int]:
    x = d.get("a")
    if x is None:
        return None
    return x + 1
