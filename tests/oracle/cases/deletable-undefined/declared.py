class Point:
    __deletable__ = ["x", "y"]
    x: int
    y: int = 0
