# type: ignore
import json


def load(text: str) -> object:
    return json.loads(text)
