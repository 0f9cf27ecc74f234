from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .. import helper


def f(h: "helper.Thing") -> None:
    pass
