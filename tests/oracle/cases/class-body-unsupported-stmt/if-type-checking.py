from typing import TYPE_CHECKING


class Widget:
    if TYPE_CHECKING:
        def hint(self) -> int: ...

    def size(self) -> int:
        return 1
