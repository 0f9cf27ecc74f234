from enum import Enum


class Color(Enum):
    RED = 1

    @property
    def label(self):
        return "red"
