# type: ignore
# type: ignore[misc]
x = 1
