class Config:
    pass


def where() -> str:
    return Config.__module__
