def main() -> int:
    try:
        raise ExceptionGroup("many", [KeyError("a"), ValueError("b")])
    except* KeyError as eg:
        return len(eg.exceptions)
    except* ValueError:
        return -1
    return 0
