from mypy_extensions import trait

__all__ = ["trait"]
