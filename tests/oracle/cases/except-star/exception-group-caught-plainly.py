def main() -> int:
    try:
        raise ExceptionGroup("many", [KeyError("a")])
    except ExceptionGroup as eg:
        return len(eg.exceptions)
