i64 = int


class A:
    def f(self, x: i64) -> None:
        pass


class B(A):
    def f(self, x: int) -> None:
        pass
