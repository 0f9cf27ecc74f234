assert False, "not importable"

try:
    class Handle:
        pass
except ImportError:
    pass
