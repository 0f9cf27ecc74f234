from typing import ClassVar, Dict


class Expr:
    arg_types: ClassVar[Dict[str, bool]] = {"this": True}


class Expression(Expr):
    pass
