try:
    import json

    def dumps(x: object) -> str:
        return json.dumps(x)
except ImportError:
    def dumps(x: object) -> str:
        return repr(x)
