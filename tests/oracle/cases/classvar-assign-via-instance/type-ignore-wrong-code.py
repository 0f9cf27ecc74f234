from typing import ClassVar


class Counter:
    total: ClassVar[int] = 0

    def reset(self) -> None:
        self.total = 0  # type: ignore[assignment]
