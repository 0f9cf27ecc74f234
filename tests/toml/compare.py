#!/usr/bin/env python3
"""The tool's TOML reader against Python's tomllib, file by file.

Each file is given to the tool as a project's pyproject.toml (a scratch
directory holding it and one module; `scan --no-cache`): the tool refuses it
when it exits 2 with "pyproject.toml:LINE: ...TOML..." on stderr (another
"pyproject.toml:LINE:" error is a setting refused: the TOML read). tomllib
refuses it when tomllib.load raises (TOMLDecodeError, or UnicodeDecodeError
for bytes that are not UTF-8). Prints one line per disagreement and the
counts; exits 1 when the tool accepts a file tomllib refuses or refuses one
tomllib accepts.

    compare.py BINARY                  the crafted cases, fixtures/toml/
    compare.py BINARY PATH...          files, or every *.toml under directories
    --expect  also require each case's verdict to match its folder
              (fixtures/toml/valid/ or invalid/), and the tool to name the
              line tomllib names (when it names one: not "end of document")
    --lines   print the files both refuse where the two name different lines
"""
import argparse
import concurrent.futures
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "..", "fixtures", "toml")


def tomllib_verdict(data):
    """(refused, line or None, message)."""
    try:
        tomllib.loads(data.decode("utf-8"))
        return False, None, ""
    except UnicodeDecodeError as e:
        return True, data[: e.start].count(b"\n") + 1, "not UTF-8: " + str(e)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+)", str(e))
        return True, int(m.group(1)) if m else None, str(e)
    except RecursionError:
        return True, None, "recursion"


def tool_verdict(binary, data, scratch):
    """(refused, line or None, message); refused None when the tool failed
    for another reason."""
    os.makedirs(scratch, exist_ok=True)
    with open(os.path.join(scratch, "pyproject.toml"), "wb") as f:
        f.write(data)
    with open(os.path.join(scratch, "m.py"), "w") as f:
        f.write("x = 1\n")
    p = subprocess.run(
        [binary, "scan", "--no-cache", "--fail-on", "none", "--format", "json", scratch],
        capture_output=True,
        timeout=60,
    )
    err = p.stderr.decode("utf-8", "replace")
    m = re.search(r"pyproject\.toml:(\d+): (.*)", err)
    if p.returncode == 2 and m and "TOML" in m.group(2):
        return True, int(m.group(1)), m.group(2)
    if p.returncode == 2 and "pyproject.toml" in err and "TOML" in err:
        return True, None, err.strip()
    if p.returncode == 0 or (p.returncode == 2 and m):
        return False, None, ""  # the TOML read; a setting in it may be refused
    return None, None, f"exit {p.returncode}: {err.strip()[:200]}"


def gather(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".toml")]
        else:
            files.append(p)
    return files


def expected(path):
    parts = os.path.normpath(path).split(os.sep)
    if "toml" in parts:
        i = len(parts) - 1 - parts[::-1].index("toml")
        if i + 1 < len(parts) and parts[i + 1] in ("valid", "invalid"):
            return parts[i + 1] == "invalid"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--expect", action="store_true")
    ap.add_argument("--lines", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    binary = os.path.realpath(args.binary)
    files = gather(args.paths or [CASES])
    unique = {}
    for f in files:
        try:
            if not os.path.isfile(f) or os.path.getsize(f) > 4 << 20:
                continue
            with open(f, "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        unique.setdefault(hashlib.sha256(data).hexdigest(), (f, data))
    tmp = tempfile.mkdtemp(prefix="scout-toml-")
    problems = []
    counts = dict(both_accept=0, both_refuse=0, tool_only_accepts=0, tool_only_refuses=0,
                  tool_other=0, line_differs=0)
    try:
        def one(item):
            i, (f, data) = item
            return f, data, tomllib_verdict(data), tool_verdict(binary, data, os.path.join(tmp, str(i)))

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(one, enumerate(sorted(unique.values()))))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f, data, (py, pyline, pymsg), (us, usline, usmsg) in results:
        if us is None:
            counts["tool_other"] += 1
            problems.append(f"OTHER    {f}: {usmsg}")
            continue
        if py and us:
            counts["both_refuse"] += 1
            if pyline is not None and pyline != usline:
                counts["line_differs"] += 1
                if args.lines:
                    print(f"LINE     {f}: tomllib line {pyline}, tool line {usline}: {usmsg}")
        elif not py and not us:
            counts["both_accept"] += 1
        elif py:
            counts["tool_only_accepts"] += 1
            problems.append(f"ACCEPTED {f}: tomllib: {pymsg}")
        else:
            counts["tool_only_refuses"] += 1
            problems.append(f"REFUSED  {f}: tool: {usmsg}")
        want = expected(f) if args.expect else None
        if want is not None and want != py:
            problems.append(f"CASE     {f}: in {'invalid' if want else 'valid'}/ but tomllib "
                            f"{'refuses' if py else 'accepts'} it ({pymsg})")
        if args.expect and py and us and pyline is not None and usline != pyline:
            problems.append(f"LINE     {f}: tomllib line {pyline}, tool line {usline}")
    for p in problems:
        print(p)
    print(f"{len(unique)} distinct files ({len(files)} paths): " +
          ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
