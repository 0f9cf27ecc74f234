from typing import Optional


def find(xs: list[int]) -> Optional[int]:
    result = None
    return result
