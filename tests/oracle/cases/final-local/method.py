from typing import Final


class C:
    def m(self) -> int:
        x: Final = 2
        return x
