from mypy_extensions import mypyc_attr


@mypyc_attr(free_list_len=1)
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
