import sys


class Widget:
    if sys.version_info >= (3, 8):
        name = "new"
    else:
        name = "old"
