from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=1)
class Record:
    pass
