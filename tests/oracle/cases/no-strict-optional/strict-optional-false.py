from typing import Optional


def size(s: Optional[str]) -> int:
    return len(s) if s else 0
