class C:
    @property
    def value(self) -> int:
        return 0

    @value.setter
    def value(self, v):
        pass
