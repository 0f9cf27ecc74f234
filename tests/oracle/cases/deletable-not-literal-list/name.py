FIELDS = ["x"]


class Point:
    x: int
    __deletable__ = FIELDS
