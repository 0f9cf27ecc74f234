from mypy_extensions import mypyc_attr


@mypyc_attr(free_list_len=8)
class Node:
    pass
