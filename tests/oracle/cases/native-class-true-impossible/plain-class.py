from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=True)
class Version:
    def __init__(self, n: int) -> None:
        self.n = n
