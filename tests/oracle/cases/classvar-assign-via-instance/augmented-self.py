from typing import ClassVar


class Counter:
    total: ClassVar[int] = 0

    def bump(self) -> None:
        self.total += 1
