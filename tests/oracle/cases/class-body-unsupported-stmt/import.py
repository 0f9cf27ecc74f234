class Widget:
    import os

    def cwd(self) -> str:
        return "."
