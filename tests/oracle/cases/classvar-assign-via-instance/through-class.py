from typing import ClassVar


class Counter:
    total: ClassVar[int] = 0

    def reset(self) -> None:
        Counter.total = 0
