from functools import cached_property


class C:
    @cached_property
    def total(self):
        return 2
