def first_negative(xs: list[int]) -> int:
    found = 0
    for x in xs:
        try:
            found = x
        finally:
            if x < 0:
                break
    return found
