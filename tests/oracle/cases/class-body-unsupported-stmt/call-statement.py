class Widget:
    print("defining Widget")

    def size(self) -> int:
        return 1
