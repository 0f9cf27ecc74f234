from typing import TypeVar

T = TypeVar("T")


def register(cls: T) -> T:
    return cls


@register
class Meta(type):
    pass


class Base:
    pass


class Model(Base, metaclass=Meta):
    pass
