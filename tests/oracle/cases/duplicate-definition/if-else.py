import os

if os.environ.get("FAST"):
    def load() -> int:
        return 0
else:
    def load() -> int:
        return 1
