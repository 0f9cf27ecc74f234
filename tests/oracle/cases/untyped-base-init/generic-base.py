from typing import Generic, TypeVar

T = TypeVar("T")


class Base(Generic[T]):
    def __init__(self, x):
        self.x = x


class Sub(Base[int]):
    def __init__(self, x: int) -> None:
        super().__init__(x)
