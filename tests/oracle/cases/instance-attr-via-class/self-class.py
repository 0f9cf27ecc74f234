class Config:
    DEFAULT: int = 10

    def default(self) -> int:
        return self.__class__.DEFAULT
