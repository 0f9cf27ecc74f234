class Point:
    __deletable__ = ["size"]

    @property
    def size(self) -> int:
        return 1
