import functools


@functools.total_ordering
class C:
    def __lt__(self, other: object) -> bool:
        return False

    @property
    def key(self):
        return 1
