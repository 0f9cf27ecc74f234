import sys

log = print
print_ = sys.stdout.write


def greet(name: str) -> None:
    log("hello", name)
