class Name(str):
    def shout(self) -> str:
        return self.upper()
