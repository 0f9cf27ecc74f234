RATE: float = 1


def rate() -> float:
    return RATE
