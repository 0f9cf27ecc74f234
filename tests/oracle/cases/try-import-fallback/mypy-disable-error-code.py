# mypy: disable-error-code="assignment, misc"
try:
    import json
except ImportError:
    json = None
