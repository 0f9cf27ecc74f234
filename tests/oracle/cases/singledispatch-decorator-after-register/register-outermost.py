from functools import singledispatch
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable[..., object])


def trace(f: F) -> F:
    return f


@singledispatch
def show(arg: object) -> str:
    return "?"


@show.register
@trace
def _(arg: int) -> str:
    return "int"
