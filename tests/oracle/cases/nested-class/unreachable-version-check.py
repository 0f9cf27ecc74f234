import sys

if sys.version_info < (3, 0):
    class Legacy:
        pass


class Modern:
    pass
