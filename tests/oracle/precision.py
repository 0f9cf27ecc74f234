#!/usr/bin/env python3
"""Real-world precision: Debian's python3-mypy ships mypy's source next to the
extension modules Debian built from it with mypyc 1.0.1 (NAME.cpython-*.so
beside NAME.py). Scanning the package for mypyc 1.0 must report no blocker in
any module that has such a compiled twin.

usage: precision.py MYPYC_SCOUT
"""
import glob
import json
import os
import subprocess
import sys

PACKAGE = "/usr/lib/python3/dist-packages/mypy"


def main():
    binary = os.path.abspath(sys.argv[1])
    if not os.path.isdir(PACKAGE):
        print("python3-mypy is not installed (scripts/setup-deps.sh --test installs it)")
        print("0 passed, 1 failed")
        sys.exit(1)
    out = subprocess.run([binary, "scan", "--fail-on", "none", "--format", "json", "--mypyc-version", "1.0", PACKAGE],
                         check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    twins = wrong = 0
    for m in report["modules"]:
        stem = os.path.join(PACKAGE, m["path"][:-3])
        if not glob.glob(stem + ".cpython-*.so"):
            continue
        twins += 1
        blockers = ["%s:%d %s" % (m["path"], f["line"], f["rule"])
                    for f in m["findings"] if f["category"] == "blocker"]
        if blockers:
            wrong += 1
            print("blocker in a module mypyc 1.0.1 compiled:", *blockers, sep="\n  ")
    print("precision on mypy's own compiled modules: %d of %d without a blocker"
          % (twins - wrong, twins))
    print("%d passed, %d failed" % (twins - wrong, wrong))
    sys.exit(0 if twins and not wrong else 1)


if __name__ == "__main__":
    main()
