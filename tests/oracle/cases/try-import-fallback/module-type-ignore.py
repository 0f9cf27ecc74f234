# type: ignore
"""A module mypy ignores: the bare ignore comes before the first statement."""
try:
    import json
except ImportError:
    json = None
