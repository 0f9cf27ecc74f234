def first_negative(xs: list[int]) -> int:
    found = 0
    try:
        for x in xs:
            if x < 0:
                found = x
                break
    finally:
        print(found)
    return found
