class AppError(Exception):
    pass


class BadValue(ValueError):
    def __init__(self, value: int) -> None:
        super().__init__("bad value %d" % value)
        self.value = value
