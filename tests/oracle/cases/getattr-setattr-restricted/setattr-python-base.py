import threading


class Worker(threading.Thread):
    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
