from mypy_extensions import mypyc_attr, trait


@trait
class Named:
    def name(self) -> str:
        return "named"


@mypyc_attr(allow_interpreted_subclasses=True)
class Thing(Named):
    pass
