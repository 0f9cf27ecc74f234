from typing import ClassVar


class Counter:
    calls: ClassVar[int] = 0


class Totals(Counter):
    pass
