from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass
else:
    class Runtime:
        pass
