def make() -> object:
    class Local:
        pass

    return Local()
