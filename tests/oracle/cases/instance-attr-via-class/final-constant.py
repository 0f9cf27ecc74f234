from typing import Final


class Config:
    DEFAULT: Final = 10


def default() -> int:
    return Config.DEFAULT
