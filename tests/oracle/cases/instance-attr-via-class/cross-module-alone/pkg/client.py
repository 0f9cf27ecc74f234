from pkg.config import Settings


def timeout() -> int:
    return Settings.timeout
