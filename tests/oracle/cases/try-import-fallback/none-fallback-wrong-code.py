try:
    import json
except ImportError:
    json = None  # type: ignore[misc]
