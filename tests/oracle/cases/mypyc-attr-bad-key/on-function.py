from mypy_extensions import mypyc_attr


@mypyc_attr(patchable=True)
def format_file(path: str) -> str:
    return path.upper()


class Formatter:
    @mypyc_attr(patchable=True)
    def run(self, text: str) -> str:
        return text.strip()
