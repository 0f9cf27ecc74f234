class C:
    __hash__ = None  # type: ignore
    def __eq__(self, o: object) -> bool:
        return True
