class ParseError(ValueError):
    pass


ParseError.__module__ = "mypkg"
