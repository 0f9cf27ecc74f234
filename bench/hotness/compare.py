#!/usr/bin/env python3
"""Compares mypyc-scout's static hotness with the profiled truth.

usage: compare.py [-v] BIN DIR...

For each checkout DIR whose truth file truth/<basename of DIR>.tsv exists
(written by workloads/<project>.py), runs `BIN scan --no-cache --format
json DIR` and reports the top-3 capture of the static estimate (the sum of
the truth shares of the 3 hottest candidate modules by the estimate), the
best possible top-3 capture, and the baselines: rank by lines of code, by
number of defs, and random (the expected capture of 3 random candidates);
and, for the estimate as a whole, the share of it that falls on candidates
the workload never ran (truth share below 0.1%).
The candidates are the modules the truth file lists (the project's shipped
package modules). Ties are broken by path. Projects without a truth file
are skipped with a note, so any subset of the projects can be compared.
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = 3


def read_truth(path):
    truth = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("path\t") or not line.strip():
                continue
            mod, share = line.rstrip("\n").split("\t")
            truth[mod] = float(share)
    return truth


def scan(binary, directory):
    proc = subprocess.run([binary, "scan", "--no-cache", "--format", "json", directory],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{binary} scan {directory} failed ({proc.returncode}): {proc.stderr.strip()}")
    return {m["path"]: m for m in json.loads(proc.stdout)["modules"]}


def capture(truth, key):
    ranked = sorted(truth, key=lambda m: (-key(m), m))
    return sum(truth[m] for m in ranked[:TOP]), ranked[:TOP]


def compare(binary, directory, verbose):
    name = os.path.basename(os.path.normpath(directory))
    truth_file = os.path.join(HERE, "truth", name + ".tsv")
    if not os.path.exists(truth_file):
        print(f"{name}: no truth file {truth_file}, skipped", file=sys.stderr)
        return None
    truth = read_truth(truth_file)
    mods = scan(binary, directory)
    missing = [m for m in truth if m not in mods]
    if missing:
        print(f"{name}: {len(missing)} candidate(s) not in the scan, counted as cold: "
              + ", ".join(missing[:5]), file=sys.stderr)

    def field(m, get):
        return get(mods[m]) if m in mods else 0

    est, est_top = capture(truth, lambda m: field(m, lambda x: x.get("hotness", 0.0)))
    loc, _ = capture(truth, lambda m: field(m, lambda x: x["lines"]))
    defs, _ = capture(truth, lambda m: field(m, lambda x: x["annotations"]["defs"]))
    best, best_top = capture(truth, lambda m: truth[m])
    rand = min(TOP, len(truth)) / len(truth) * sum(truth.values()) if truth else 0.0
    hot = {m: field(m, lambda x: x.get("hotness", 0.0)) for m in truth}
    total = sum(hot.values())
    cold = sum(hot[m] for m in truth if truth[m] < 0.001) / total if total > 0 else 0.0
    if verbose:
        print(f"{name}: estimate's top {TOP}: " + ", ".join(
            f"{m} ({field(m, lambda x: x.get('hotness', 0.0)):.4f}: {truth[m]:.3f})"
            for m in est_top))
        print(f"{name}: truth's top {TOP}: " + ", ".join(f"{m} ({truth[m]:.3f})"
                                                           for m in best_top))
    return {"project": name, "estimate": est, "loc": loc, "defs": defs, "random": rand,
            "optimum": best, "ratio": est / best if best > 0 else 0.0, "cold": cold}


def pct(v):
    return f"{100 * v:.0f}%"


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if len(argv) < 2:
        sys.exit(__doc__)
    rows = [r for r in (compare(argv[0], d, verbose) for d in argv[1:]) if r]
    if not rows:
        sys.exit("no project with a truth file")
    cols = ["estimate", "loc", "defs", "random", "optimum", "ratio", "cold"]
    print("| project | estimate | LOC | defs | random | optimum | estimate/optimum "
          "| estimate on never-run |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['project']} | " + " | ".join(pct(r[c]) for c in cols) + " |")
    avg = {c: sum(r[c] for r in rows) / len(rows) for c in cols}
    print("| **average** | " + " | ".join(f"**{pct(avg[c])}**" for c in cols) + " |")
    beats = all(avg["estimate"] > avg[c] for c in ("loc", "defs", "random"))
    print(f"\ntarget (average estimate/optimum >= 80%, beats every baseline): "
          f"{'met' if avg['ratio'] >= 0.8 and beats else 'not met'}")


if __name__ == "__main__":
    main(sys.argv[1:])
