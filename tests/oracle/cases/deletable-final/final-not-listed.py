from typing import Final


class Limits:
    high: Final = 10
    low: int = 0
    __deletable__ = ["low"]
