import os


def _load_fast() -> int:
    return 0


def _load_slow() -> int:
    return 1


load = _load_fast if os.environ.get("FAST") else _load_slow
