from typing import List


def f(xs: List[int], n: int) -> int:
    found = None
    if n:
        found = n
    for x in xs:
        if found is None:
            found = x
    return found or 0
