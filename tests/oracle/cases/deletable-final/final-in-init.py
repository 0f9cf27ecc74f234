from typing import Final


class Limits:
    __deletable__ = ("high",)

    def __init__(self) -> None:
        self.high: Final = 10
