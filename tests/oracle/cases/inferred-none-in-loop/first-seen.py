from typing import List


def first(xs: List[int]) -> int:
    found = None
    for x in xs:
        if found is None:
            found = x
    return found or 0
