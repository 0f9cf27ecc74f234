#!/usr/bin/env python3
"""Oracle agreement: mypyc-scout, evaluating for mypyc 1.0.1, must report a
blocker exactly for the oracle cases that Debian's real mypyc 1.0.1 rejected,
crashed on or produced bad C for, and no blocker for the cases it compiled
(../shared/oracle/oracle.tsv). `mypy-error` cases need a type checker and are
left out. Each case is scanned alone as case.py in a fresh directory, with its
mypy.ini when it has one, as the oracle compiled it.

usage: agreement.py MYPYC_SCOUT [--min 0.95]
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORACLE = os.path.join(os.path.dirname(ROOT), "shared", "oracle")
BLOCKING = {"mypyc-error", "crash", "c-compile-error"}
COMPILED = {"compiled-ok", "compiled-ok+warning"}


def scan(binary, case_id):
    d = tempfile.mkdtemp(prefix="scout-oracle-")
    try:
        shutil.copy(os.path.join(ORACLE, "cases", case_id + ".py"), os.path.join(d, "case.py"))
        ini = os.path.join(ORACLE, "cases", case_id + ".mypy.ini")
        if os.path.exists(ini):
            shutil.copy(ini, os.path.join(d, "mypy.ini"))
        out = subprocess.run([binary, "scan", "--fail-on", "none", "--format", "json", "--mypyc-version", "1.0.1", d],
                             check=True, capture_output=True, text=True).stdout
        report = json.loads(out)
        mods = [m for m in report["modules"] if m["path"] == "case.py"]
        findings = mods[0]["findings"] if mods else []
        return sorted({f["rule"] for f in findings if f["category"] == "blocker"})
    finally:
        shutil.rmtree(d)


def main():
    binary = os.path.abspath(sys.argv[1])
    minimum = float(sys.argv[sys.argv.index("--min") + 1]) if "--min" in sys.argv else 0.95
    with open(os.path.join(ORACLE, "oracle.tsv"), newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    agree = disagree = 0
    misses = []
    for row in rows:
        outcome = row["mypyc_1.0.1_outcome"]
        if outcome not in BLOCKING and outcome not in COMPILED:
            continue
        blockers = scan(binary, row["id"])
        expected = outcome in BLOCKING
        if bool(blockers) == expected:
            agree += 1
        else:
            disagree += 1
            misses.append("%-40s oracle=%-16s scout=%s" % (row["id"], outcome, ",".join(blockers) or "no blocker"))
    total = agree + disagree
    ratio = agree / total if total else 0.0
    for m in misses:
        print("disagree: " + m)
    print("oracle agreement with mypyc 1.0.1: %d of %d cases (%.1f%%), minimum %.0f%%"
          % (agree, total, 100 * ratio, 100 * minimum))
    print("%d passed, %d failed" % (agree, disagree))
    sys.exit(0 if ratio >= minimum else 1)


if __name__ == "__main__":
    main()
