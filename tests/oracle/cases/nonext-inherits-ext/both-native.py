class Base:
    pass


class Plugin(Base):
    pass
