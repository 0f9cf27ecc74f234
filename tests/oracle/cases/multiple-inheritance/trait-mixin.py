from mypy_extensions import trait


class A:
    pass


@trait
class B:
    def hello(self) -> str:
        return "b"


class C(A, B):
    pass
