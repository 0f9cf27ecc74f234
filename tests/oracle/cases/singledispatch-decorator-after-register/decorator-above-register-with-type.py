import functools
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable[..., object])


def trace(f: F) -> F:
    return f


@functools.singledispatch
def show(arg: object) -> str:
    return "?"


@trace
@show.register(int)
def _show_int(arg: int) -> str:
    return "int"
