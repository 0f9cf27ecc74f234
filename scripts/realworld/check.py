#!/usr/bin/env python3
"""The real-world regression check: no module that a project's maintainers
compile with mypyc may get a blocker, under the mypyc version they pin.

Run by hand, not in CI (CI cannot fetch the projects):

    scripts/realworld/check.py DIR [--binary build/mypyc-scout] [--only NAME...]

DIR holds one checkout per project of scripts/realworld/projects.toml, at
DIR/<dir>, at the pinned commit (the list says how to get each). Each is
scanned with `mypyc-scout scan --no-cache --format json --mypyc-version V`;
the scanned code is never imported or run. A blocker counts when every
module it assumes (its `assumes`, docs/report-schema.md) is in the
maintainers' compile set, which is the build they ship. Prints per project: the modules
the maintainers compile, how many of them get a blocker (and how many the
tool calls unknown), and each blocker as `rule path:line`. Exits 1 when any
compiled module has a blocker (or a compiled module is missing from the
scan), 2 when a checkout is missing or the tool fails.
"""
import argparse
import fnmatch
import json
import os
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))


def glob_match(path, pattern):
    """fnmatch where `*` stays within a directory and `**/` spans any depth."""
    if "**" in pattern:
        head, _, tail = pattern.partition("**")
        tail = tail.lstrip("/")
        if not path.startswith(head):
            return False
        rest = path[len(head):]
        parts = rest.split("/")
        return any(glob_match("/".join(parts[i:]), tail) for i in range(len(parts))) \
            if tail else True
    return fnmatch.fnmatchcase(path, pattern) and path.count("/") == pattern.count("/")


def commit_of(checkout):
    p = subprocess.run(["git", "-C", checkout, "rev-parse", "HEAD"], capture_output=True,
                       text=True)
    return p.stdout.strip() if p.returncode == 0 else None


def glob_set(paths, compile, exclude, include):
    """The paths the globs choose, less `exclude`, plus `include`, sorted."""
    chosen = [p for p in paths if any(glob_match(p, g) for g in compile)]
    chosen = [p for p in chosen if not any(glob_match(p, g) for g in exclude)]
    chosen += [p for p in include if p not in chosen]
    return sorted(chosen)


def compiled_modules(project, report):
    """(paths the maintainers compile, where that was read, problem or None)."""
    paths = [m["path"] for m in report["modules"]]
    compile = project["compile"]
    if compile == "plan":
        current = report.get("plan", {}).get("current")
        if not current:
            return [], "", "the tool found no compile set (plan.current)"
        source = current.get("source") or ""
        want = project.get("expect_source")
        if want and not source.startswith(want):
            return current["modules"], source, "plan.current.source is %r, not %s" % (source, want)
        if "expect_compile" in project:
            expected = glob_set(paths, project["expect_compile"],
                                project.get("expect_exclude", []),
                                project.get("expect_include", []))
            got = set(current["modules"])
            if got != set(expected):
                return current["modules"], source, (
                    "plan.current.modules differs from expect_compile: missing %s, extra %s" % (
                        sorted(set(expected) - got)[:5], sorted(got - set(expected))[:5]))
        return current["modules"], "plan.current (%s)" % source, None
    return glob_set(paths, compile, project.get("exclude", []), project.get("include", [])), \
        project.get("compile_from", "the list"), None


def check(project, root, binary):
    """Prints the project's lines; returns (compiled, blocked, unknown, status)."""
    name = project["name"]
    checkout = os.path.join(root, project["dir"])
    if not os.path.isdir(checkout):
        print("%s: no checkout at %s (git clone %s; git checkout %s)" % (
            name, checkout, project["git"], project["commit"]))
        return 0, 0, 0, 2
    head = commit_of(checkout)
    pinned = project["commit"]
    note = ("at %s" % pinned[:12]) if head == pinned else (
        "HEAD %s, pinned %s" % (head[:12], pinned[:12]) if head else
        "not a git checkout; pinned %s" % pinned[:12])
    args = [binary, "scan", "--no-cache", "--fail-on", "none", "--format", "json"]
    if project["mypyc"]:
        args += ["--mypyc-version", project["mypyc"]]
    p = subprocess.run(args + [checkout], capture_output=True, text=True)
    if p.returncode != 0:
        print("%s: the tool failed (exit %d): %s" % (name, p.returncode, p.stderr.strip()))
        return 0, 0, 0, 2
    report = json.loads(p.stdout)
    modules = {m["path"]: m for m in report["modules"]}
    compiled, source, problem = compiled_modules(project, report)
    missing = [c for c in compiled if c not in modules]
    build = set(compiled)

    def counts(f):
        return f["category"] == "blocker" and set(f.get("assumes", [])) <= build

    blocked = [c for c in compiled if c in modules and
               any(counts(f) for f in modules[c]["findings"])]
    unknown = [c for c in compiled if c in modules and modules[c]["verdict"] == "unknown"]
    print("%s (%s; mypyc %s, %s): %d compiled by the maintainers (%s), %d with a blocker, "
          "%d unknown" % (name, note, report["mypyc"]["version"], project["mypyc_from"],
                          len(compiled), source, len(blocked), len(unknown)))
    for c in blocked:
        for f in modules[c]["findings"]:
            if counts(f):
                print("  %s %s:%d  %s" % (f["rule"], c, f["line"], f["message"][:100]))
    for c in unknown:
        gaps = [d for d in report["diagnostics"] if d["path"] == c and d["kind"] == "grammar-gap"]
        print("  unknown %s:%s" % (c, gaps[0]["line"] if gaps else "?"))
    for c in missing:
        print("  missing from the scan: %s" % c)
    for u in (report.get("plan", {}).get("current") or {}).get("unread", []):
        print("  not read: %s:%s: %s" % (u["file"], u["line"], u["reason"]))
    if problem:
        print("  problem: %s" % problem)
    status = 1 if blocked or missing or problem or not compiled else 0
    return len(compiled), len(blocked), len(unknown), status


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="the directory holding the checkouts")
    ap.add_argument("--binary", default="build/mypyc-scout")
    ap.add_argument("--projects", default=os.path.join(HERE, "projects.toml"))
    ap.add_argument("--only", nargs="*", help="these projects only")
    args = ap.parse_args()

    with open(args.projects, "rb") as f:
        projects = tomllib.load(f)["project"]
    if args.only:
        projects = [p for p in projects if p["name"] in args.only]
    binary = os.path.abspath(args.binary)
    worst, totals = 0, [0, 0, 0]
    for project in projects:
        compiled, blocked, unknown, status = check(project, args.dir, binary)
        totals = [totals[0] + compiled, totals[1] + blocked, totals[2] + unknown]
        worst = max(worst, status)
    print("total: %d modules compiled by the maintainers of %d projects, %d with a blocker, "
          "%d unknown" % (totals[0], len(projects), totals[1], totals[2]))
    return worst


if __name__ == "__main__":
    sys.exit(main())
