class Counter:
    def bump(self: "Counter"):
        step: int = 1
        return step
