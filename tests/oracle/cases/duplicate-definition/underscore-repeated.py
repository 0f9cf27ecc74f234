def _() -> int:
    return 1


def _() -> int:
    return 2
