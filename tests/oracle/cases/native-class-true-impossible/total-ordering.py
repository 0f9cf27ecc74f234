import functools

from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=True)
@functools.total_ordering
class Version:
    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self.n == other.n

    def __lt__(self, other: "Version") -> bool:
        return self.n < other.n
