def size(s: str) -> int:
    return len(s)
