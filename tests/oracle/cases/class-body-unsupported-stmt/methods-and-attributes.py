from typing import ClassVar, overload, Union


class Widget:
    """Docstring."""

    count: ClassVar[int] = 0
    name: str = "widget"
    size: int

    def __init__(self, size: int) -> None:
        self.size = size

    @property
    def area(self) -> int:
        return self.size * self.size

    @staticmethod
    def unit() -> int:
        return 1

    @classmethod
    def make(cls) -> "Widget":
        return cls(1)

    @overload
    def scale(self, by: int) -> int: ...
    @overload
    def scale(self, by: str) -> str: ...
    def scale(self, by: Union[int, str]) -> Union[int, str]:
        return by

    async def fetch(self) -> int:
        return self.size
