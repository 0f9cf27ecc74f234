import threading

lock = threading.Lock()


def count_until(n: int) -> int:
    done = 0
    for i in range(n):
        with lock:
            stop = i == 3
        if stop:
            break
        done += 1
    return done
