import sys

if sys.version_info >= (3, 8):
    from mypy_extensions import mypyc_attr
else:
    from mypy_extensions import mypyc_attr as mypyc_attr
