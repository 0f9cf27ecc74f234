class Base:
    limit: int = 0


class Child(Base):
    limit = False
