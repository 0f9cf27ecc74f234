class Failure(Exception):
    def __init__(self) -> None:
        super().__init__("failure")
