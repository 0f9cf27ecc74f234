from collections import namedtuple
class P(namedtuple("P", ["x", "y"])):
    pass
