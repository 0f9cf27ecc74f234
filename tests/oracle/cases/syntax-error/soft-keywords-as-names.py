match = 1
case = 2
_ = 3
type = 4


def f() -> int:
    return match + case + _ + type
