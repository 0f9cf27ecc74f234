from pkg.base import Handler
from pkg.compat import final


@final
class Plugin(Handler):
    pass
