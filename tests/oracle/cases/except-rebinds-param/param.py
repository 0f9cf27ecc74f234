def parse(err: str) -> int:
    try:
        return int(err)
    except ValueError as err:
        return 0
