class Point:
    __deletable__ = ["z"]
    x: int
