u8 = int


def f() -> u8:
    x: u8 = 256
    return x
