class ConfigError(RuntimeError):
    pass
