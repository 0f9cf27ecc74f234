#!/usr/bin/env python3
"""Synthetic repository for bench/run.sh --scale.

usage: bench/synth.py N OUTDIR [--seed S] [--no-git]

Writes N Python modules under OUTDIR/src/ in packages of about 100 modules
each (pkg0000/, pkg0001/, ... with an __init__.py counted among the N), then
makes OUTDIR a git repository with one commit, so the scan takes the warm
git-index path. Deterministic: the same N and seed give byte-identical files
(and, with the fixed author and dates, the same commit).

Each module is a realistic mix, about 3 KB on average: imports of sibling
modules and of modules in earlier packages, module constants, fully annotated,
partly annotated and unannotated functions, classes with annotated attributes
and methods, loops, comprehensions, try/except, and now and then a mypyc
blocker or risk (nested class, lambda, async generator, a class-level
__slots__ conflict, eval, a metaclass keyword). The code is never run.
"""

import argparse
import os
import random
import subprocess
import sys

PER_PACKAGE = 100
TYPES = ["int", "str", "float", "bool", "list[int]", "dict[str, int]", "bytes"]
DEFAULTS = {"int": "0", "str": "''", "float": "0.0", "bool": "False",
            "list[int]": "None", "dict[str, int]": "None", "bytes": "b''"}


def mod_name(i):
    return "pkg%04d" % (i // PER_PACKAGE), "m%03d" % (i % PER_PACKAGE)


def imports(rng, i):
    pkg, _ = mod_name(i)
    lines = ["from __future__ import annotations", "", "import os",
             "import sys" if rng.random() < 0.5 else "import re",
             "from typing import Any, Optional"]
    first = (i // PER_PACKAGE) * PER_PACKAGE
    for _ in range(rng.randint(1, 4)):
        if i > first + 1 and rng.random() < 0.7:
            j = rng.randrange(first + 1, i)  # a sibling defined earlier
        elif i > 0:
            j = rng.randrange(0, i)  # anywhere earlier in the repository
        else:
            continue
        if j % PER_PACKAGE == 0:
            continue  # a package's __init__
        p, m = mod_name(j)
        if p == pkg and rng.random() < 0.5:
            lines.append("from . import %s" % m)
        else:
            lines.append("from %s import %s as %s_%s" % (p, m, p, m))
    return lines + [""]


def params(rng, annotated):
    out = []
    for k in range(rng.randint(0, 4)):
        t = rng.choice(TYPES)
        if annotated:
            out.append("a%d: %s" % (k, t))
        else:
            out.append("a%d" % k)
    return out


def body(rng, indent, depth=0):
    pad = " " * indent
    lines = [pad + "total = 0"]
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.3:
            lines += [pad + "for k in range(%d):" % rng.randint(2, 50),
                      pad + "    if k %% %d == 0:" % rng.randint(2, 7),
                      pad + "        total += k * %d" % rng.randint(1, 9),
                      pad + "    else:",
                      pad + "        total -= 1"]
        elif kind < 0.5:
            lines += [pad + "items = [x * 2 for x in range(%d) if x %% 3]"
                      % rng.randint(3, 30),
                      pad + "total += sum(items)"]
        elif kind < 0.65:
            lines += [pad + "try:",
                      pad + "    total += int(os.environ.get('N%d', '1'))"
                      % rng.randint(0, 99),
                      pad + "except ValueError:",
                      pad + "    total = -1"]
        elif kind < 0.8:
            lines += [pad + "while total < %d:" % rng.randint(10, 1000),
                      pad + "    total = total * 2 + 1"]
        else:
            lines += [pad + "name = 'value-%d'" % rng.randint(0, 9999),
                      pad + "if name.startswith('value'):",
                      pad + "    total += len(name)"]
    lines.append(pad + "return total")
    return lines


def function(rng, name, indent=0, method=False):
    style = rng.random()
    annotated = style < 0.6
    ps = params(rng, annotated or style < 0.8)
    if method:
        ps = ["self"] + ps
    ret = " -> int" if annotated else ""
    pad = " " * indent
    lines = [pad + "def %s(%s)%s:" % (name, ", ".join(ps), ret)]
    if rng.random() < 0.3:
        lines.append(pad + '    """Compute %s."""' % name)
    return lines + body(rng, indent + 4) + [""]


def klass(rng, name, k):
    lines = []
    meta = rng.random() < 0.02
    lines.append("class %s%s:" % (name, "(metaclass=Meta)" if meta else ""))
    lines.append('    """A synthetic class."""')
    for a in range(rng.randint(1, 3)):
        t = rng.choice(TYPES)
        lines.append("    attr%d: %s = %s" % (a, t, DEFAULTS[t]))
    lines.append("")
    lines.append("    def __init__(self, value: int = 0) -> None:")
    lines.append("        self.value = value")
    lines.append("")
    for m in range(rng.randint(1, 3)):
        lines += function(rng, "method%d" % m, indent=4, method=True)
    if rng.random() < 0.05:
        lines += ["    class Inner:", "        x: int = 0", ""]  # nested class
    return lines


def blockers(rng):
    lines = []
    r = rng.random()
    if r < 0.08:
        lines += ["async def stream(n: int):", "    for i in range(n):",
                  "        yield i", ""]
    elif r < 0.2:
        lines += ["KEY = lambda item: item[1]", ""]
    elif r < 0.25:
        lines += ["def outer() -> int:", "    class Local:",
                  "        pass", "    return 1", ""]
    elif r < 0.28:
        lines += ["def dynamic(src: str) -> Any:", "    return eval(src)", ""]
    return lines


def module(rng, i):
    lines = ['"""Synthetic module %d for the mypyc-scout benchmark."""' % i, ""]
    lines += imports(rng, i)
    lines += ["LIMIT: int = %d" % rng.randint(1, 1000),
              "NAMES = ['a', 'b', 'c']", ""]
    if rng.random() < 0.02:
        lines += ["class Meta(type):", "    pass", ""]
    for f in range(rng.randint(2, 6)):
        lines += function(rng, "func%d" % f)
    for c in range(rng.randint(0, 3)):
        lines += klass(rng, "Class%d" % c, c)
    lines += blockers(rng)
    return "\n".join(lines) + "\n"


def package_init(rng, pkg):
    return '"""Package %s."""\n\n__all__: list[str] = []\nVERSION = "%d.%d"\n' % (
        pkg, rng.randint(0, 9), rng.randint(0, 99))


def write(n, out, seed):
    rng = random.Random(seed)
    src = os.path.join(out, "src")
    for i in range(n):
        pkg, mod = mod_name(i)
        d = os.path.join(src, pkg)
        if i % PER_PACKAGE == 0:
            os.makedirs(d, exist_ok=True)
            text, fname = package_init(rng, pkg), "__init__.py"
        else:
            text, fname = module(rng, i), mod + ".py"
        with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(out, "pyproject.toml"), "w", encoding="utf-8") as f:
        f.write('[project]\nname = "synthetic"\nversion = "0"\n')


def commit(out):
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@localhost",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@localhost",
               GIT_AUTHOR_DATE="2024-01-01T00:00:00Z",
               GIT_COMMITTER_DATE="2024-01-01T00:00:00Z")
    for cmd in (["git", "init", "-q"], ["git", "add", "-A", "."],
                ["git", "commit", "-q", "-m", "synthetic corpus"]):
        subprocess.run(cmd, cwd=out, env=env, check=True)


def main(argv):
    ap = argparse.ArgumentParser(description="Synthetic repository for bench/run.sh --scale.")
    ap.add_argument("n", type=int, help="number of modules (package __init__ files count)")
    ap.add_argument("outdir", help="a new or empty directory")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-git", action="store_true", help="write the files only")
    a = ap.parse_args(argv[1:])
    if os.path.exists(a.outdir) and os.listdir(a.outdir):
        sys.stderr.write("synth.py: %s exists and is not empty\n" % a.outdir)
        return 2
    os.makedirs(a.outdir, exist_ok=True)
    write(a.n, a.outdir, a.seed)
    if not a.no_git:
        commit(a.outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
