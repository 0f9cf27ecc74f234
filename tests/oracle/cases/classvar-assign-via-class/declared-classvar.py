from typing import ClassVar


class Counter:
    created: ClassVar[int] = 0

    def __init__(self) -> None:
        Counter.created += 1


Counter.created = 10
