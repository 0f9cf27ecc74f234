from mypy_extensions import trait


@trait
class Named:
    pass


@trait
class Sized:
    pass


class Thing(Named, Sized):
    pass
