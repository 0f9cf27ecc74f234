def greet(t: str) -> str:
    return t + "hello"
