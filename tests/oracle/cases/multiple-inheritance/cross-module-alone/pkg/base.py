class Named:
    pass


class Timestamped:
    pass
