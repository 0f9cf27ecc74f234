class Limits:
    low = high = 50
