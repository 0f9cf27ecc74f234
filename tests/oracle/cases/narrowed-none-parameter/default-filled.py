from typing import Optional


def f(path: Optional[str] = None) -> str:
    if path is None:
        path = "a"
    if path is None:
        raise ValueError(path)
    return path
