class Marker:
    """A class with nothing in it."""

    pass
