from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable[..., object])


def keep(f: F) -> F:
    return f


try:
    from shlex import quote
except ImportError:
    @keep  # type: ignore[misc]
    def quote(s: str, strict: bool = False) -> str:
        return "'" + s + "'"
