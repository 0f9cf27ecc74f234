import threading

lock = threading.Lock()


def find(xs: list[int], wanted: int) -> int:
    for i, x in enumerate(xs):
        with lock:
            if x == wanted:
                return i
    return -1
