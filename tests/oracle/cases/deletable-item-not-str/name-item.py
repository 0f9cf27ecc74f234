FIELD = "x"


class Point:
    x: int
    __deletable__ = [FIELD]
