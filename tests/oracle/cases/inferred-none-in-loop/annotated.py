from typing import List, Optional


def first(xs: List[int]) -> int:
    found: Optional[int] = None
    for x in xs:
        if found is None:
            found = x
    return found or 0
