class Point:
    x: int
    __deletable__ = ("x", 1)
