from mypy_extensions import mypyc_attr

KEY = "patchable"


@mypyc_attr(KEY)
def format_file(path: str) -> str:
    return path.upper()
