from typing import TypeVar

from mypy_extensions import mypyc_attr

T = TypeVar("T")


def register(cls: T) -> T:
    return cls


@register
class Meta(type):
    pass


@mypyc_attr(native_class=True)
class Model(metaclass=Meta):
    pass
