import sys

assert sys.version_info >= (3, 7)

try:
    class Handle:
        pass
except ImportError:
    pass
