def total(values):
    result: int = 0  # type: ignore
    for v in values:
        result += v
    return result
