def split(values: list[int]) -> None:
    *head, *tail = values  # type: ignore[misc]
