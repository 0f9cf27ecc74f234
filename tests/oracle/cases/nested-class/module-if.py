import os

if os.environ.get("DEBUG"):
    class Logger:
        def log(self, msg: str) -> None:
            print(msg)
