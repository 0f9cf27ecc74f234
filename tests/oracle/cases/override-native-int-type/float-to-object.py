class A:
    def f(self, x: float) -> None:
        pass


class B(A):
    def f(self, x: object) -> None:
        pass
