from pkg.base import Drawable, Shape


class Square(Drawable, Shape):
    pass
