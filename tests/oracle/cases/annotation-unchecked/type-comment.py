def total(values):
    result = 0  # type: int
    for v in values:
        result += v
    return result
