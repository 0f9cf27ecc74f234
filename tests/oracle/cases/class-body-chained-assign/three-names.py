class Defaults:
    width = height = depth = 1

    def volume(self) -> int:
        return self.width * self.height * self.depth
