class Point:
    x: int
    __deletable__ = ("x", 1)  # type: ignore[misc]
