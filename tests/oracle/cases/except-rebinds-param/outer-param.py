def outer(e: int) -> int:
    def inner() -> int:
        try:
            return 1
        except ValueError as e:
            return 0

    return inner() + e
