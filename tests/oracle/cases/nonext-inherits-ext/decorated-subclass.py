from typing import TypeVar

T = TypeVar("T")


def register(cls: T) -> T:
    return cls


class Base:
    pass


@register
class Plugin(Base):
    pass
