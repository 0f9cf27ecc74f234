from typing import ClassVar
class C:
    __hash__: ClassVar[None]  # type: ignore
