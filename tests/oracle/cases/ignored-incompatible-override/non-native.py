import functools
@functools.total_ordering
class C:
    __hash__ = None  # type: ignore
    def __lt__(self, o: object) -> bool:
        return False
