class Config:
    DEFAULT = 10


def default() -> int:
    return Config.DEFAULT
