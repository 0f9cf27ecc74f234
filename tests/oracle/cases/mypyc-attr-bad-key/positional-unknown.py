from mypy_extensions import mypyc_attr


@mypyc_attr("fast")
class Plugin:
    pass
