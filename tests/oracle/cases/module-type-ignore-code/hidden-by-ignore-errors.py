# mypy: ignore-errors
# type: ignore[misc]
x = 1
