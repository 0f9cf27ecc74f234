from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=True)
class Record:
    pass
