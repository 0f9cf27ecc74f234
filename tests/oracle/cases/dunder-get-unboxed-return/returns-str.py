from typing import Any


class Name:
    def __get__(self, obj: Any, owner: Any) -> str:
        return "name"
