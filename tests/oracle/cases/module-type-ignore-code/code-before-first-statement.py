# type: ignore[attr-defined]
import json


def load(text: str) -> object:
    return json.loads(text)
