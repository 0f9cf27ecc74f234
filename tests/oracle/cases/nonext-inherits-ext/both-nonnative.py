from typing import TypeVar

T = TypeVar("T")


def register(cls: T) -> T:
    return cls


@register
class Base:
    pass


@register
class Plugin(Base):
    pass
