class Config:
    retries = 3


c = Config()
c.retries = 5
