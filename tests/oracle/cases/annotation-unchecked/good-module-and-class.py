class Box:
    size: int = 0

limit: int = 10
