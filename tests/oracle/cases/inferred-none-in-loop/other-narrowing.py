from typing import List, Optional


def f(xs: List[int]) -> int:
    last: Optional[int] = None
    found = None
    for x in xs:
        if found is None:
            found = x
        last = x
    return (found or 0) + (last or 0)
