class MissingKey(LookupError):
    pass


def lookup(d: dict[str, int], k: str) -> int:
    if k not in d:
        raise MissingKey(k)
    return d[k]
