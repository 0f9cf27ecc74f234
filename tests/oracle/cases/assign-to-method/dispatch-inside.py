class Greeter:
    def __init__(self, french: bool) -> None:
        self.french = french

    def hello(self) -> str:
        if self.french:
            return self.bonjour()
        return "hello"

    def bonjour(self) -> str:
        return "bonjour"
