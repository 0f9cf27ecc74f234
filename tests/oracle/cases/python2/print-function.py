def greet(name: str) -> None:
    print("hello", name)
