class Counter:
    def __init__(self):
        self.count: int = 0

    def bump(self):
        step: int = 1
        self.count += step
