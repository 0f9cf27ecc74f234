def mean(xs: list[float]) -> float:
    total: float = 0.0
    for x in xs:
        total += x
    return total / max(len(xs), 1)
