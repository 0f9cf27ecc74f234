from pkg.base import Handler
from pkg.compat import mypyc_attr


@mypyc_attr(allow_interpreted_subclasses=True)
class Plugin(Handler):
    pass
