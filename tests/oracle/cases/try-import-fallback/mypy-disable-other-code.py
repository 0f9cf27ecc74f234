# mypy: disable-error-code=misc
try:
    import json
except ImportError:
    json = None
