class Counter:
    created: int = 0

    def __init__(self) -> None:
        Counter.created += 1
