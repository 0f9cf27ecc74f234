import sys
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

if sys.version_info >= (3, 8):
    from typing import final
else:

    def final(f: F) -> F:
        return f


@final
class Point:
    x: int = 0
