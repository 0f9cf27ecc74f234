class Config:
    retries = 3


Config.retries = 5
