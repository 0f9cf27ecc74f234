from typing import Dict

from pkg.base import Expression


class Cast(Expression):
    arg_types = {"this": True, "to": True}


class TryCast(Cast):
    arg_types = {**Cast.arg_types, "safe": False}


def args() -> Dict[str, bool]:
    return TryCast.arg_types
