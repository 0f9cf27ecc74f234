class C:
    __doc__ = 3  # type: ignore
