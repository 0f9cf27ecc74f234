from mypy_extensions import mypyc_attr


@mypyc_attr(free_list_len=1, allow_interpreted_subclasses=True)
class Node:
    pass
