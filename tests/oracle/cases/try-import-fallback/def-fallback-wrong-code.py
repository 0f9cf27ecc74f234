try:
    from shlex import quote
except ImportError:
    def quote(s: str, strict: bool = False) -> str:  # type: ignore[no-redef]
        return "'" + s + "'"
