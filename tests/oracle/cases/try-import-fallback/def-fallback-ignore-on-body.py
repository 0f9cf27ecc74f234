try:
    from shlex import quote
except ImportError:
    def quote(s: str, strict: bool = False) -> str:
        return "'" + s + "'"  # type: ignore[misc]
