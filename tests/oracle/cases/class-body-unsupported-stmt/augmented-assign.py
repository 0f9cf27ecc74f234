class Counter:
    start = 1
    start += 1
