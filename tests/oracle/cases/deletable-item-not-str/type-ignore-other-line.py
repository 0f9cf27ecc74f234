class Point:
    x: int
    __deletable__ = (  # type: ignore[misc]
        "x",
        1,
    )
