#!/usr/bin/env python3
"""Regenerates tests/oracle/oracle.tsv: what Debian's real mypyc 1.0.1 does to
each case under tests/oracle/cases/<rule-id>/.

A case is a file, <name>.py, or a directory, <name>/ (a small project whose
modules depend on each other). A file is compiled alone as case.py, with its
<name>.mypy.ini copied beside it as mypy.ini when there is one. A directory is
copied whole and mypyc compiles the modules its setup.py lists in
`mypycify([...])` (a list of string literals), in that order, together: the
others are only type-checked, so they stay interpreted, which is how a case
says what a cross-module finding assumes. Either way in a fresh temporary
directory (never in the repository), by /usr/bin/mypyc with a minimal
environment. The outcome class:

  compiled-ok          an extension module was built (for a directory: one
                       for each module compiled)
  compiled-ok+warning  built, and mypyc printed a warning about the case
  mypy-error           the type check failed (an error with a [code]); mypyc
                       compiles nothing then
  mypyc-error          mypyc rejected the module (an error without a code,
                       or a message and no C built, such as a configuration
                       it does not support)
  crash                the compiler raised (a Python traceback)
  c-compile-error      mypyc generated C that gcc rejected
  failed-other         none of these (timeout, unclassified failure)

and the first error line (machine-specific parts such as the temporary
directory and object addresses removed, so a rerun gives the same file); its
line number in `line` (for a directory, the error line names the module).

usage: run_oracle.py [--check] [--jobs N] [CASE-ID...]
  CASE-ID   <rule-id>/<name>: re-run only these and keep the other rows
  --check   write nothing; exit 1 when oracle.tsv differs from what mypyc
            does now (or lists cases that no longer exist, or misses some)

Needs Debian's `mypy` (1.0.1, ships mypyc) and `python3-dev`; each case takes
a few seconds (gcc): the whole set 10 to 20 minutes on two cores.
"""
import argparse
import ast
import csv
import glob
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
TSV = os.path.join(HERE, "oracle.tsv")
MYPYC = "/usr/bin/mypyc"
PYTHON = "/usr/bin/python3"
VERSION = "1.0.1"
COLUMNS = ["id", "outcome", "line", "first_error"]
TIMEOUT = 600


def case_ids():
    """Every case, as <rule-id>/<name>, sorted: files <name>.py and
    directories <name>/ with a setup.py."""
    ids = []
    for path in glob.glob(os.path.join(CASES, "*", "*.py")):
        rule = os.path.basename(os.path.dirname(path))
        ids.append(rule + "/" + os.path.basename(path)[:-3])
    for path in glob.glob(os.path.join(CASES, "*", "*", "setup.py")):
        case = os.path.dirname(path)
        ids.append(os.path.basename(os.path.dirname(case)) + "/" + os.path.basename(case))
    return sorted(ids)


def compile_list(setup_py):
    """The paths a setup.py passes to mypycify([...]), as string literals."""
    tree = ast.parse(open(setup_py, encoding="utf-8").read(), setup_py)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "mypycify"
                and node.args and isinstance(node.args[0], ast.List)):
            return [e.value for e in node.args[0].elts]
    raise ValueError("%s: no mypycify([...]) of string literals" % setup_py)


def project_files(case_dir):
    """The .py files of a directory case, relative, sorted."""
    return sorted(os.path.relpath(os.path.join(d, f), case_dir)
                  for d, _, files in os.walk(case_dir) for f in files if f.endswith(".py"))


def mypy_version(env):
    p = subprocess.run([PYTHON, "-c", "import mypy.version; print(mypy.version.__version__)"],
                       capture_output=True, text=True, env=env)
    return p.stdout.strip() if p.returncode == 0 else None


def normalise(line, scratch):
    line = line.replace(scratch + os.sep, "").replace(scratch, ".")
    line = re.sub(r"0x[0-9a-fA-F]+", "0x?", line)
    return line.strip()


def classify(rc, output, built, scratch, files=("case.py",)):
    """(outcome, first error line) from mypyc's exit status and output; the
    case's own files are `files`."""
    raw = output.splitlines()
    lines = [normalise(l, scratch) for l in raw]
    own = "|".join(re.escape(f) for f in files)
    errors = [l for l in lines if re.match(r"^(%s|mypy\.ini):(\d+:)?(\d+:)? ?error:" % own, l)]
    warnings = [l for l in lines if re.match(r"^(%s):\d+:(\d+:)? warning:" % own, l)]
    if rc == 0 and built:
        return ("compiled-ok+warning", warnings[0]) if warnings else ("compiled-ok", "")
    if any(l.startswith("Traceback (most recent call last)") for l in lines):
        # The exception is the last unindented line; say where mypyc was, too.
        raised = [lines[i] for i, l in enumerate(raw) if l and not l[0].isspace()][-1]
        where = [l for l in lines if re.match(r"^(%s):\d+: " % own, l)]
        if where and not re.match(r"^(%s):" % own, raised):
            raised = where[-1] + " | " + raised
        return "crash", raised
    gcc = [l for l in lines if re.search(r"\.[ch]:\d+:\d+: error:", l)]
    if gcc:
        return "c-compile-error", gcc[0]
    if errors:
        if re.search(r"\[[a-z0-9-]+\]$", errors[0]):
            return "mypy-error", errors[0]
        return "mypyc-error", errors[0]
    last = next((l for l in reversed(lines) if l), "")
    if rc != 0 and last and not any(l.startswith("running build_ext") for l in lines):
        # Refused before generating C, with a message and no location (a
        # configuration mypyc does not support).
        return "mypyc-error", last
    return "failed-other", "exit %d: %s" % (rc, last)


def run_case(case_id, env):
    scratch = tempfile.mkdtemp(prefix="scout-oracle-mypyc-")
    try:
        case_dir = os.path.join(CASES, case_id)
        if os.path.isdir(case_dir):
            os.rmdir(scratch)
            shutil.copytree(case_dir, scratch)
            compiled = compile_list(os.path.join(scratch, "setup.py"))
            files = project_files(scratch)
        else:
            shutil.copy(case_dir + ".py", os.path.join(scratch, "case.py"))
            ini = case_dir + ".mypy.ini"
            if os.path.exists(ini):
                shutil.copy(ini, os.path.join(scratch, "mypy.ini"))
            compiled = files = ["case.py"]
        run_env = dict(env, HOME=scratch)
        try:
            p = subprocess.run([MYPYC] + compiled, cwd=scratch, capture_output=True, text=True,
                               env=run_env, timeout=TIMEOUT)
            rc, output = p.returncode, p.stdout + p.stderr
        except subprocess.TimeoutExpired:
            return {"id": case_id, "outcome": "failed-other", "line": "",
                    "first_error": "timeout after %d s" % TIMEOUT}
        built = all(glob.glob(os.path.join(scratch, path[:-3] + ".*.so")) for path in compiled)
        outcome, first = classify(rc, output, built, scratch, files)
        m = re.match(r"^(?:%s):(\d+):" % "|".join(re.escape(f) for f in files), first)
        return {"id": case_id, "outcome": outcome, "line": m.group(1) if m else "",
                "first_error": first}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def read_tsv():
    if not os.path.exists(TSV):
        return {}
    with open(TSV, newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}


def render(rows):
    out = io.StringIO()
    w = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    for case_id in sorted(rows):
        w.writerow({k: rows[case_id][k] for k in COLUMNS})
    return out.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("ids", nargs="*")
    args = ap.parse_args()

    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": tempfile.gettempdir()}
    if not os.path.exists(MYPYC) or mypy_version(env) != VERSION:
        print("needs Debian's mypy %s at %s (scripts/setup-deps.sh --test installs it)" % (VERSION, MYPYC))
        print("0 passed, 1 failed")
        return 1
    all_ids = case_ids()
    unknown = [i for i in args.ids if i not in all_ids]
    if unknown:
        print("no such case: " + ", ".join(unknown), file=sys.stderr)
        return 2
    ids = args.ids or all_ids

    old = read_tsv()
    rows = {} if not args.ids else {k: v for k, v in old.items() if k in all_ids}
    def run(case_id):
        try:
            return run_case(case_id, env)
        except OSError as e:  # a case removed while the run goes on
            return {"id": case_id, "outcome": "failed-other", "line": "", "first_error": str(e)}

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for row in pool.map(run, ids):
            rows[row["id"]] = row
            print("%-60s %-20s %s" % (row["id"], row["outcome"], row["first_error"][:120]), flush=True)

    text = render(rows)
    if not args.check:
        with open(TSV, "w", newline="") as f:
            f.write(text)
        print("wrote %s: %d cases" % (os.path.relpath(TSV), len(rows)))
        return 0
    stale = 0
    for case_id in sorted(set(old) | set(rows)):
        was, now = old.get(case_id), rows.get(case_id)
        if was and now and all(was[k] == now[k] for k in COLUMNS):
            continue
        stale += 1
        print("stale: %s: oracle.tsv has %s, mypyc %s gives %s" % (
            case_id, was and (was["outcome"], was["first_error"]), VERSION,
            now and (now["outcome"], now["first_error"])))
    print("%d passed, %d failed" % (len(rows) - stale, stale))
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
