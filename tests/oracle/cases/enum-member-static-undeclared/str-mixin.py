from enum import Enum


class Code(str, Enum):
    OK = "ok"


def ok() -> Code:
    return Code.OK
