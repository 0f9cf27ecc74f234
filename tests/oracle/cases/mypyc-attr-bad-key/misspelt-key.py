from mypy_extensions import mypyc_attr


@mypyc_attr(allow_interpreted_subclass=True)
class Plugin:
    pass
