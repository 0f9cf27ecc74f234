def greet(name: str) -> object:
    return t"hello {name}"
