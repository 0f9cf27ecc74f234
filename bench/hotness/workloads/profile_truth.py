"""Shared by the workloads: run a workload under cProfile and write the truth.

The truth is each shipped module's share of the self time spent in the
project's own shipped modules (path relative to the checkout root), as a
small TSV with a header naming the commit and the workload.
"""

import cProfile
import os
import pstats
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECTS_TOML = os.path.join(HERE, "..", "..", "..", "scripts", "realworld", "projects.toml")


def pinned_commit(name, checkout):
    """The commit scripts/realworld/projects.toml pins (the checkouts in
    /work/rw are extracted at it), else the checkout's git HEAD."""
    try:
        with open(PROJECTS_TOML, "rb") as f:
            for p in tomllib.load(f)["project"]:
                if p["name"] == name:
                    return p["commit"]
    except OSError:
        pass
    try:
        return subprocess.run(["git", "-C", checkout, "rev-parse", "HEAD"], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def shipped_modules(checkout, packages):
    """Every .py under the package directories (relative to the checkout)."""
    out = []
    for pkg in packages:
        base = os.path.join(checkout, pkg)
        if base.endswith(".py"):
            out.append(pkg)
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for fn in sorted(filenames):
                if fn.endswith(".py"):
                    out.append(os.path.relpath(os.path.join(dirpath, fn), checkout))
    return sorted(p.replace(os.sep, "/") for p in out)


def run(name, checkout, packages, workload, description, sys_path=()):
    """Imports nothing of the project before profiling starts: `workload` is
    called under cProfile (import time included, as users pay it)."""
    checkout = os.path.abspath(checkout)
    for p in reversed(sys_path):
        sys.path.insert(0, os.path.join(checkout, p))
    modules = shipped_modules(checkout, packages)
    prof = cProfile.Profile()
    prof.enable()
    workload(checkout)
    prof.disable()
    stats = pstats.Stats(prof).stats
    self_time = {m: 0.0 for m in modules}
    for (filename, _line, _func), (_cc, _nc, tt, _ct, _callers) in stats.items():
        path = os.path.abspath(filename)
        if not path.startswith(checkout + os.sep):
            continue
        rel = os.path.relpath(path, checkout).replace(os.sep, "/")
        if rel in self_time:
            self_time[rel] += tt
    total = sum(self_time.values())
    out = os.path.join(HERE, "..", "truth", name + ".tsv")
    with open(out, "w") as f:
        f.write(f"# project: {name}\n")
        f.write(f"# commit: {pinned_commit(name, checkout)}\n")
        f.write(f"# workload: {description}\n")
        f.write(f"# python: {sys.version.split()[0]} ({sys.executable})\n")
        f.write(f"# project self time (s, under cProfile): {total:.3f}\n")
        f.write("path\tshare\n")
        for m in modules:
            share = self_time[m] / total if total > 0 else 0.0
            f.write(f"{m}\t{share:.6f}\n")
    top = sorted(self_time.items(), key=lambda kv: -kv[1])[:5]
    print(f"{name}: {total:.2f}s project self time; wrote {os.path.normpath(out)}", file=sys.stderr)
    for m, t in top:
        print(f"  {t / total if total else 0:.3f}  {m}", file=sys.stderr)
