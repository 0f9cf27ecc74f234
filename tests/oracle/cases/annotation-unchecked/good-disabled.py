def total(values):
    result: int = 0
    for v in values:
        result += v
    return result
