import functools

from pkg.base import Handler


@functools.total_ordering
class Plugin(Handler):
    def __lt__(self, other: object) -> bool:
        return False
