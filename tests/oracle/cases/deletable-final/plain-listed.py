class Limits:
    high: int = 10
    __deletable__ = ["high"]
