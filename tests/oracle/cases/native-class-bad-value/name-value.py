from mypy_extensions import mypyc_attr

NATIVE = True


@mypyc_attr(native_class=NATIVE)
class Record:
    pass
