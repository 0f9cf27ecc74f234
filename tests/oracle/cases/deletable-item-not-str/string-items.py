class Point:
    x: int
    y: int
    __deletable__ = ["x", "y"]
