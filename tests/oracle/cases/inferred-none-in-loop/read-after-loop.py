from typing import List


def f(xs: List[int]) -> int:
    found = None
    for x in xs:
        found = x
    return found or 0
