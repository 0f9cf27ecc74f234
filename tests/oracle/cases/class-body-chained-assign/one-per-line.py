class Limits:
    low = 50
    high = 50
