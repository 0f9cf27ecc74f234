try:
    class Handler:
        pass
except Exception:
    pass
