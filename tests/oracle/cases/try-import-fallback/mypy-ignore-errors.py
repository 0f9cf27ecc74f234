# mypy: ignore-errors
try:
    import json
except ImportError:
    json = None
