class Settings:
    timeout = 10
