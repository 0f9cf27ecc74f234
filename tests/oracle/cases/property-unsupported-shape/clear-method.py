class Box:
    def __init__(self) -> None:
        self._size = 0

    @property
    def size(self) -> int:
        return self._size

    def clear_size(self) -> None:
        self._size = 0
