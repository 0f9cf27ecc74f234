def size(b: bytes) -> int:
    return len(b)
