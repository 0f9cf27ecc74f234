class B:
    x: int = 0
class C(B):
    x = None  # type: ignore
