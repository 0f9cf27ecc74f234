#!/usr/bin/env python3
# type: ignore[misc, no-redef]
"""A docstring is the first statement."""
x = 1
