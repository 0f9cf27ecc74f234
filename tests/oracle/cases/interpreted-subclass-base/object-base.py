from mypy_extensions import mypyc_attr


@mypyc_attr(allow_interpreted_subclasses=True)
class Plugin:
    def run(self) -> int:
        return 0
