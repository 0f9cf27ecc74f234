from mypy_extensions import mypyc_attr


@mypyc_attr(allow_interpreted_subclasses=True)
class Handler:
    def handle(self, event: str) -> None:
        pass
