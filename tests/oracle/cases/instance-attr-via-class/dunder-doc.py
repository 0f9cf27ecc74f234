class Config:
    """Settings."""


def doc() -> object:
    return Config.__doc__
