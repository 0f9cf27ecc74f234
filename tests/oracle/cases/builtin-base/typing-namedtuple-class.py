from typing import NamedTuple


class Coord(NamedTuple):
    x: int
    y: int
