class Outer:
    class Inner:
        pass

    def make(self) -> object:
        return self
