def first_negative(xs: list[int]) -> int:
    found = 0
    for x in xs:
        try:
            if x < 0:
                found = x
                break
        finally:
            print(x)
    return found
