from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=False)
class Name(str):
    pass
