import sys

assert sys.platform == "win32", "Windows only"

try:
    class Handle:
        pass
except ImportError:
    pass
