class Box:
    @property
    def size(self) -> int:
        return 0

    @size.deleter
    def size(self) -> None:
        pass
