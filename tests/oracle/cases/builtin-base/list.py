class Stack(list[int]):
    def top(self) -> int:
        return self[-1]
