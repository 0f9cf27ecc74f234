class Port(int):
    def is_privileged(self) -> bool:
        return self < 1024
