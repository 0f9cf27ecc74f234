import threading

lock = threading.Lock()


def count_until(n: int) -> int:
    done = 0
    for i in range(n):
        with lock:
            if i == 3:
                break
            done += 1
    return done
