from typing import TYPE_CHECKING

if TYPE_CHECKING:
    def load() -> int:
        return 0
else:
    def load() -> int:
        return 1
