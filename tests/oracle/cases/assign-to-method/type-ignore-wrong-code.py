class Counter:
    def step(self) -> int:
        return 1


def double_step(self: Counter) -> int:
    return 2


Counter.step = double_step  # type: ignore[method-assign]
