from typing import Protocol, overload


class Converter(Protocol):
    @overload
    def convert(self, x: int) -> int: ...
    @overload
    def convert(self, x: str) -> str: ...
