from mypy_extensions import mypyc_attr

from pkg.base import Base


@mypyc_attr(allow_interpreted_subclasses=True)
class Open(Base):
    pass
