import os


def private(path: str) -> None:
    os.chmod(path, 0600)
