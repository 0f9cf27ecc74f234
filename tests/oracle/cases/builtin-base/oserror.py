class FetchError(OSError):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url
