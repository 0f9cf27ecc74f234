def widen(n: int) -> float:
    x: float = 0.0
    x = n
    return x
