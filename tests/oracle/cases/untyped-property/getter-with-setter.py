class C:
    @property
    def value(self):
        return 0

    @value.setter
    def value(self, v: int) -> None:
        pass
