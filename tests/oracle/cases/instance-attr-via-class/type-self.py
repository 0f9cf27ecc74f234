class Config:
    DEFAULT = 10

    def default(self) -> int:
        return type(self).DEFAULT
