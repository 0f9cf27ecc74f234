class TOMLDecodeError(ValueError):
    """An error raised if a document is not valid TOML."""


def loads(s: str) -> dict:
    if not s:
        raise TOMLDecodeError("empty document")
    return {}
