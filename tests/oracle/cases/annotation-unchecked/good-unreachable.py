import sys

def total(values):
    if sys.platform == "win32":
        result: int = 0
        return result
    return 0
