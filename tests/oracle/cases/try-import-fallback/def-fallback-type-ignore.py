try:
    from mypy_extensions import mypyc_attr
except ImportError:
    def mypyc_attr(*attrs, **kwattrs):  # type: ignore
        return lambda cls: cls


@mypyc_attr(allow_interpreted_subclasses=True)
class Container:
    pass
