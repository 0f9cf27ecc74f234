class Point:
    def __init__(self, xy: tuple[int, int]) -> None:
        self.x, self.y = xy
