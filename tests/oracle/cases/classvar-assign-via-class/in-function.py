class Settings:
    debug = False


def enable_debug() -> None:
    Settings.debug = True
