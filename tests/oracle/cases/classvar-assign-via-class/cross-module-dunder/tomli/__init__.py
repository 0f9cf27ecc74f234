__all__ = ("loads", "TOMLDecodeError")

from ._parser import TOMLDecodeError, loads

# Pretend this exception was created here.
TOMLDecodeError.__module__ = __name__
