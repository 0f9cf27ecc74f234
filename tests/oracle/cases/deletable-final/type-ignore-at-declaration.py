from typing import Final


class Limits:
    high: Final = 10  # type: ignore[misc]
    __deletable__ = ["high"]
