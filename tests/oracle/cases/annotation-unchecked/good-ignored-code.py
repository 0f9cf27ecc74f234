def total(values):
    result: int = 0  # type: ignore[annotation-unchecked]
    for v in values:
        result += v
    return result
