from mypy_extensions import trait


class Concrete:
    pass


@trait
class Named:
    pass


@trait
class Sized:
    pass


class Thing(Sized, Concrete, Named):
    pass
