from typing import TypeVar

T = TypeVar("T")


def register(cls: T) -> T:
    return cls


@register
class Meta(type):
    pass


class Box(metaclass=Meta):
    @property
    def size(self) -> int:
        return 0

    @size.setter
    def size(self, v: int) -> None:
        pass
