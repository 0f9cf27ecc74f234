def f(d):
    x = d.get("a")
    if x is None:
        return x
    return x
