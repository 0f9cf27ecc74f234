from typing import Optional


class C:
    def __init__(self) -> None:
        self.a: Optional[int] = None


def f(c: C) -> Optional[int]:
    if c.a is None:
        return c.a
    return 1
