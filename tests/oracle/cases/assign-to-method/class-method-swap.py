class Greeter:
    def hello(self) -> str:
        return "hello"

    def bonjour(self) -> str:
        return "bonjour"


Greeter.hello = Greeter.bonjour
