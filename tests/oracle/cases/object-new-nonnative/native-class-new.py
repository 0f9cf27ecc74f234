class Token:
    def __new__(cls) -> "Token":
        return super().__new__(cls)
