class Point:
    x: int
    __deletable__ = list(["x"])  # type: ignore[misc]
