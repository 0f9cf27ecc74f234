class C:
    __doc__ = "text"  # type: ignore
