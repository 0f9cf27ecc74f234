def load(name: str, ns: dict) -> None:
    exec "import %s" % name in ns
