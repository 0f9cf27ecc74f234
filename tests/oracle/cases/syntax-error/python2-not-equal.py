def differ(a: int, b: int) -> bool:
    return a <> b
