class A:
    def f(self, x: int) -> None:
        pass


class B(A):
    def f(self, x: int = 0) -> None:
        pass
