def run() -> None:
    raise ValueError("x")


def main() -> None:
    try:
        run()
    except ValueError:
        print("value error")
