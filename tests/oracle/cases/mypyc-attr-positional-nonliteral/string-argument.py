from mypy_extensions import mypyc_attr


@mypyc_attr("serializable")
class Record:
    pass
