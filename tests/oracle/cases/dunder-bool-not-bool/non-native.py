from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=False)
class Loose:
    def __bool__(self):
        return True
