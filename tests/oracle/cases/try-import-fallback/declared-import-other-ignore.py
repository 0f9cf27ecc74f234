from typing import Any

orjson: Any
try:
    import orjson  # type: ignore[import]
except ImportError:
    orjson = None


def dumps(value: object) -> bytes:
    if orjson is not None:
        return bytes(orjson.dumps(value))
    return b""
