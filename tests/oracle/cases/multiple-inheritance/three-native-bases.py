class Readable:
    def read(self) -> str:
        return ""


class Writable:
    def write(self, s: str) -> None:
        pass


class Seekable:
    def seek(self, n: int) -> None:
        pass


class File(Readable, Writable, Seekable):
    pass
