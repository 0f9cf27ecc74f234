handler = None


def get() -> object:
    return handler
