class C:
    @property
    def size(self):
        # type: () -> int
        return 0
