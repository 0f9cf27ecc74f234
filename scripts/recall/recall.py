#!/usr/bin/env python3
"""The recall check: the real mypyc 1.0.1, run one module at a time over real
modules, against the tool's verdict for mypyc 1.0.1 on the same copy.

Run by hand, not in CI (it takes about an hour for 300 modules):

    nice -n 19 scripts/recall/recall.py --out /tmp/recall \\
        --binary build/mypyc-scout scripts/recall/debian-modules.txt

MODULES lists paths relative to --root (default Debian's
/usr/lib/python3/dist-packages), one a line; `#` starts a comment. Each module
is copied alone into a fresh scratch directory (never compiled in place),
under its package path with an empty __init__.py in each package directory
above it, beside a mypy.ini that ignores missing imports and follows others
silently (the module's siblings are absent, so only its own code is judged).
There /usr/bin/mypyc compiles it (one process at a time, --timeout seconds at
most), and the tool scans the same copy with --mypyc-version 1.0.1. Scanned
code is never imported or run by this script.

mypyc's outcomes are kept in OUT/mypyc.tsv and reused on the next run (a
module is compiled again only with --again), so comparing another build of
the tool costs seconds. Writes OUT/results.tsv (one row a module) and
OUT/report.txt (also printed): the counts, recall (modules mypyc fails on
that the tool calls blocked) and precision (modules the tool calls blocked
that mypyc fails on), the misses with mypyc's first error, the false blockers
with the tool's blockers, and the modules the tool calls unknown. Recall is
given twice: over every failure, and without the failures that compiling a
module alone causes (a name its emptied package would hold, `Module "pkg"
has no attribute "x"`; a namespace package's build path), which the tool
cannot be expected to see.
"""
import argparse
import csv
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

MYPYC = "/usr/bin/mypyc"
VERSION = "1.0.1"
MYPY_INI = """[mypy]
python_version = 3.11
ignore_missing_imports = True
follow_imports = silent
"""
MYPYC_COLUMNS = ["module", "outcome", "seconds", "first_error"]


def read_list(path):
    mods = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                mods.append(line)
    return mods


def make_scratch(root, rel):
    """A fresh directory holding `rel` alone, under its package path."""
    scratch = tempfile.mkdtemp(prefix="scout-recall-")
    parts = rel.split("/")
    for i in range(1, len(parts)):
        pkg = "/".join(parts[:i])
        os.makedirs(os.path.join(scratch, pkg), exist_ok=True)
        if os.path.exists(os.path.join(root, pkg, "__init__.py")):
            init = os.path.join(scratch, pkg, "__init__.py")
            if not os.path.exists(init):
                open(init, "w").close()
    shutil.copyfile(os.path.join(root, rel), os.path.join(scratch, rel))
    with open(os.path.join(scratch, "mypy.ini"), "w") as f:
        f.write(MYPY_INI)
    return scratch


def first_error(output, scratch):
    """mypyc's first error line, the scratch path removed."""
    lines = [l.replace(scratch + os.sep, "").rstrip() for l in output.splitlines()]
    if any(l.startswith("Traceback (most recent call last)") for l in lines):
        unindented = [l for l in lines if l and not l[0].isspace()]
        return "crash: " + (unindented[-1] if unindented else "?")
    for l in lines:
        if re.search(r":\d+(:\d+)?: error:", l) or re.search(r"\.[ch]:\d+:\d+: error:", l):
            return l
    last = next((l for l in reversed(lines) if l.strip()), "")
    return last


def run_mypyc(root, rel, timeout):
    scratch = make_scratch(root, rel)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": scratch}
    start = time.monotonic()
    try:
        try:
            p = subprocess.run([MYPYC, rel], cwd=scratch, capture_output=True, text=True,
                               env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout", time.monotonic() - start, "timeout after %d s" % timeout
        stem = os.path.splitext(rel)[0]
        if rel.endswith("/__init__.py"):
            stem = os.path.dirname(rel)
        built = glob.glob(os.path.join(scratch, "build", "**", "*.so"), recursive=True) + \
            glob.glob(os.path.join(scratch, stem + ".*.so"))
        seconds = time.monotonic() - start
        if p.returncode == 0 and built:
            return "compiled", seconds, ""
        return "failed", seconds, first_error(p.stdout + p.stderr, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run_tool(binary, root, rel):
    """(verdict, [(rule, line, message)] of blockers) for rel."""
    scratch = make_scratch(root, rel)
    try:
        p = subprocess.run([binary, "scan", "--no-cache", "--fail-on", "none", "--format",
                            "json", "--mypyc-version", VERSION, "."], cwd=scratch,
                           capture_output=True, text=True)
        if p.returncode != 0:
            return "tool-error", [("tool", 0, p.stderr.strip()[:200])]
        for m in json.loads(p.stdout)["modules"]:
            if m["path"] == rel:
                return m["verdict"], [(f["rule"], f["line"], f["message"])
                                      for f in m["findings"] if f["category"] == "blocker"]
        return "missing", []
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def load_mypyc(path):
    if not os.path.exists(path):
        return {}
    with open(path, newline="") as f:
        return {r["module"]: r for r in csv.DictReader(f, delimiter="\t")}


def append_mypyc(path, row):
    new = not os.path.exists(path)
    with open(path, "a", newline="") as f:
        w = csv.DictWriter(f, MYPYC_COLUMNS, delimiter="\t", lineterminator="\n")
        if new:
            w.writeheader()
        w.writerow(row)


def isolation_artifact(rel, error):
    """True when mypyc's first error comes from compiling the module alone, not
    from its code: a name its own (emptied) packages would have held, or the
    build of a module in a namespace package."""
    parts = rel[:-3].split("/")
    packages = {".".join(parts[:i]) for i in range(1, len(parts))}
    m = re.search(r'Module "([\w.]+)" (has no attribute|does not explicitly export)', error)
    if m and m.group(1) in packages:
        return True
    m = re.search(r'Name "([\w.]+)\.\w+" is not defined', error)
    if m and m.group(1) in packages:
        return True
    return "could not create '" in error or "Source file found twice" in error


def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "n/a"


def report(rows):
    failed = [r for r in rows if r["mypyc"] != "compiled"]
    blocked = [r for r in rows if r["verdict"] == "blocked"]
    unknown = [r for r in rows if r["verdict"] == "unknown"]
    hit = [r for r in failed if r["verdict"] == "blocked"]
    miss = [r for r in failed if r["verdict"] != "blocked"]
    false = [r for r in blocked if r["mypyc"] == "compiled"]
    out = []
    out.append("modules: %d; mypyc %s failed on %d, compiled %d" %
               (len(rows), VERSION, len(failed), len(rows) - len(failed)))
    out.append("tool (--mypyc-version %s): blocked %d, unknown %d" %
               (VERSION, len(blocked), len(unknown)))
    out.append("recall (failed and blocked / failed): %d/%d = %s" %
               (len(hit), len(failed), pct(len(hit), len(failed))))
    out.append("precision (blocked and failed / blocked): %d/%d = %s" %
               (len(hit), len(blocked), pct(len(hit), len(blocked))))
    real = [r for r in failed if not isolation_artifact(r["module"], r["first_error"])]
    real_hit = [r for r in real if r["verdict"] == "blocked"]
    out.append("recall without the failures compiling alone causes (a name of the module's "
               "emptied package, a namespace package's build): %d/%d = %s" %
               (len(real_hit), len(real), pct(len(real_hit), len(real))))
    out.append("")
    out.append("misses (mypyc failed, tool did not block): %d, %d of them from compiling "
               "alone (marked *)" % (len(miss), sum(isolation_artifact(r["module"],
                                                                       r["first_error"])
                                                    for r in miss)))
    for r in miss:
        out.append("  %s%s [%s] %s" % ("*" if isolation_artifact(r["module"], r["first_error"])
                                       else "", r["module"], r["verdict"], r["first_error"]))
    out.append("")
    out.append("false blockers (mypyc compiled, tool blocked): %d" % len(false))
    for r in false:
        out.append("  %s: %s" % (r["module"], r["blockers"]))
    out.append("")
    out.append("unknown verdicts: %d" % len(unknown))
    for r in unknown:
        out.append("  %s (mypyc %s) %s" % (r["module"], r["mypyc"], r["first_error"]))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", help="file listing module paths relative to --root")
    ap.add_argument("--root", default="/usr/lib/python3/dist-packages")
    ap.add_argument("--out", required=True, help="directory for the results")
    ap.add_argument("--binary", default="build/mypyc-scout")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per module (mypyc)")
    ap.add_argument("--again", action="store_true", help="compile every module again")
    ap.add_argument("--compare-only", action="store_true",
                    help="compile nothing: compare on the modules OUT/mypyc.tsv has so far")
    args = ap.parse_args()

    if not os.path.exists(MYPYC):
        print("needs Debian's mypy %s (mypyc at %s)" % (VERSION, MYPYC), file=sys.stderr)
        return 2
    binary = os.path.abspath(args.binary)
    mods = read_list(args.modules)
    os.makedirs(args.out, exist_ok=True)
    tsv = os.path.join(args.out, "mypyc.tsv")
    if args.again and os.path.exists(tsv):
        os.remove(tsv)
    done = load_mypyc(tsv)
    for i, rel in enumerate(mods):
        if rel in done or args.compare_only:
            continue
        outcome, seconds, first = run_mypyc(args.root, rel, args.timeout)
        row = {"module": rel, "outcome": outcome, "seconds": "%.1f" % seconds,
               "first_error": first}
        append_mypyc(tsv, row)
        done[rel] = row
        print("[%d/%d] %s %s %s" % (i + 1, len(mods), rel, outcome, first[:100]), flush=True)

    rows = []
    if len(done) < len(mods):
        print("comparing on the %d of %d modules mypyc has compiled so far" % (
            sum(rel in done for rel in mods), len(mods)))
    for rel in (m for m in mods if m in done):
        verdict, blockers = run_tool(binary, args.root, rel)
        rows.append({"module": rel, "mypyc": "compiled" if done[rel]["outcome"] == "compiled"
                     else "failed", "first_error": done[rel]["first_error"],
                     "verdict": verdict,
                     "blockers": "; ".join("%s line %d" % (rule, line)
                                           for rule, line, _ in blockers)})
    with open(os.path.join(args.out, "results.tsv"), "w", newline="") as f:
        w = csv.DictWriter(f, ["module", "mypyc", "verdict", "blockers", "first_error"],
                           delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    text = report(rows)
    with open(os.path.join(args.out, "report.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
