from mypy_extensions import mypyc_attr


class Node:
    pass


@mypyc_attr(acyclic=True)
class Leaf(Node):
    def __init__(self, value: int) -> None:
        self.value = value
