class B:
    def f(self) -> int:
        return 1
class C(B):
    f = None  # type: ignore
