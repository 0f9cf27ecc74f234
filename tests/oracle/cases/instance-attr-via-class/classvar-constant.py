from typing import ClassVar


class Config:
    DEFAULT: ClassVar[int] = 10

    @classmethod
    def default(cls) -> int:
        return cls.DEFAULT
