class Config:
    def default(self) -> int:
        return 10


def default(c: Config) -> int:
    return Config.default(c)
