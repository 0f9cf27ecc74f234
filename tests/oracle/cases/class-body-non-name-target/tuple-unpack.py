class Point:
    x, y = (0, 0)
