def f(path):
    if path is None:
        path = "a"
    if path is None:
        raise ValueError(path)
    return path
