from pkg import trait
from pkg.base import Handler


@trait
class Named:
    def name(self) -> str:
        return "plugin"


class Plugin(Handler, Named):
    pass
