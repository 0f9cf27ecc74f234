from typing import ClassVar, Dict


class A:
    X: ClassVar[Dict[int, int]] = {}


class B(A):
    X = {**A.X, 1: 2}


class C(B):
    X = {**B.X, 3: 4}


def f() -> Dict[int, int]:
    return C.X
