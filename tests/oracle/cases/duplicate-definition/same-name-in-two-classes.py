class A:
    def load(self) -> int:
        return 0


class B:
    def load(self) -> int:
        return 1


def load() -> int:
    return 2
