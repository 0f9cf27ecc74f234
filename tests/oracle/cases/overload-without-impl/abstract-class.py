from abc import ABC, abstractmethod
from typing import overload


class Converter(ABC):
    @overload
    @abstractmethod
    def convert(self, x: int) -> int: ...
    @overload
    @abstractmethod
    def convert(self, x: str) -> str: ...
