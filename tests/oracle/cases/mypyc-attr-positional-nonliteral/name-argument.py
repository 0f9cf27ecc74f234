from mypy_extensions import mypyc_attr

KEY = "serializable"


@mypyc_attr(KEY)
class Record:
    pass
