class Point:
    x: int
    __deletable__ = list(["x"])
