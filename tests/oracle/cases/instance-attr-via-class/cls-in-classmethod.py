class Config:
    DEFAULT = 10

    @classmethod
    def default(cls) -> int:
        return cls.DEFAULT
