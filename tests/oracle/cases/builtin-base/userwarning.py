import warnings


class SlowPathWarning(UserWarning):
    pass


def slow() -> None:
    warnings.warn("slow path", SlowPathWarning)
