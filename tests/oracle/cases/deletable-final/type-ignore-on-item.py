from typing import Final


class Limits:
    high: Final = 10
    __deletable__ = ["high"]  # type: ignore[misc]
