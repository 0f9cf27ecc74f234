from typing import Callable


def loud() -> str:
    return "HELLO"


def quiet() -> str:
    return "hello"


class Greeter:
    def __init__(self) -> None:
        self.speak: Callable[[], str] = quiet


g = Greeter()
g.speak = loud
