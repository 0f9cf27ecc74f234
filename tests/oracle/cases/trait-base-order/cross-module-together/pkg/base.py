from mypy_extensions import trait


@trait
class Drawable:
    pass


class Shape:
    pass
