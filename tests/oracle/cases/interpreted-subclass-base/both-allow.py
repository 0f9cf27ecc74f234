from mypy_extensions import mypyc_attr


@mypyc_attr(allow_interpreted_subclasses=True)
class Base:
    pass


@mypyc_attr(allow_interpreted_subclasses=True)
class Derived(Base):
    pass
