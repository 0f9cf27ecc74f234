"""black: format a large body of Python in memory, as `black` does on a
code base: format_str (default Mode) on every 5th standard-library module
(by sorted path) of the running Python, then once more on the result (the
stability pass users' --check runs take).

usage: PYTHONPATH=DEPS /usr/bin/python3 black.py CHECKOUT
(DEPS: see ../README.md; black needs click, packaging, platformdirs,
pathspec>=1 and pytokens; _black_version, generated at build time, is
provided here.)
"""

import glob
import os
import sys
import sysconfig
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import profile_truth  # noqa: E402


def sources():
    paths = sorted(glob.glob(os.path.join(sysconfig.get_paths()["stdlib"], "*.py")))[::5]
    out = []
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            out.append(f.read())
    return out


def workload(checkout):
    import black

    mode = black.Mode()
    for src in sources():
        try:
            once = black.format_str(src, mode=mode)
            black.format_str(once, mode=mode)
        except Exception:  # a module black cannot parse for the default targets
            pass


if __name__ == "__main__":
    version = types.ModuleType("_black_version")
    version.version = "0+bench"
    sys.modules["_black_version"] = version
    profile_truth.run("black", sys.argv[1], ["src/black", "src/blackd", "src/blib2to3"],
                      workload, "format_str twice (format, then the stability pass) on every "
                      "5th stdlib *.py of the running Python, default Mode", sys_path=["src"])
