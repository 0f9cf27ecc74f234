from pkg.base import Named, Timestamped


class User(Named, Timestamped):
    pass
