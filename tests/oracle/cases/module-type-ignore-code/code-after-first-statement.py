"""A docstring is the first statement."""
# type: ignore[misc]
x = 1
