from mypy_extensions import trait


class Concrete:
    pass


@trait
class Named:
    pass


class Thing(Named, Concrete):
    pass
