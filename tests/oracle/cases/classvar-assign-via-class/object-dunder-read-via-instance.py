class ParseError(ValueError):
    """Raised on input that does not parse."""


def module_of() -> str:
    return type(ParseError("x")).__module__
