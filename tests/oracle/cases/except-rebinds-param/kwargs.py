def run(*args: int, **kwargs: int) -> None:
    try:
        pass
    except KeyError as kwargs:
        pass
