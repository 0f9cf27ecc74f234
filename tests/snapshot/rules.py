#!/usr/bin/env python3
"""Rule snapshots: every rule's findings, as the real scan reports them.

    python3 tests/snapshot/rules.py BINARY     (from the source root; ctest does)

fixtures/rules/<rule-id>/ holds one or both kinds of case:
  bad.py, good.py   a module scanned on its own (per-module rules);
  bad/, good/       a small project scanned as a whole (link-stage rules:
                    mypy configuration, classes across modules, plan risks).
expected.txt lists the findings of <rule-id> in the bad cases, one a line:

  bad.py:6:5-7:13 nested-class [blocker] <message> | fix: <fix>
  bad/store/deep.py:4:7-4:16 builtin-base [blocker] <message> | fix: <fix>
  bad/events/click.py:9:7-9:12 nonext-inherits-ext [blocker] <message> | fix: <fix> | assumes: events/base.py

(a finding that assumes other modules compiled in the same build ends with
them, and "(does not hold)" when one of them stays interpreted).

(position and end position 1-based, columns in code points; ordered by path,
then position). Findings of other rules are left out: a fixture tests its
own rule. Each case is scanned in its own folder with
`scan --format json --no-cache --report-unused-ignores`, plus
`--mypyc-version V` when the folder has a `mypyc-version` file (rules lifted
in a later mypyc).

Asserted for every folder, whatever the mode:
  - the folder names a rule the binary knows;
  - each bad case has a good counterpart (bad.py/good.py, bad/ and good/);
  - the bad cases have at least one finding of the rule, the good ones none;
  - the scan exits 0.
And every rule of `mypyc-scout rules` has a folder, except the advisories
(type-checker-only rules, listed once per scan and never reported per line).

With SCOUT_UPDATE_SNAPSHOTS=1, expected.txt is rewritten from the scan (read
the diff before committing); otherwise it is compared, with a unified diff
on a mismatch. Prints "N passed, M failed"; exit 1 on any failure.
"""
import difflib
import json
import os
import subprocess
import sys

RULES_DIR = "fixtures/rules"
SCAN = ["scan", "--format", "json", "--no-cache", "--fail-on", "none", "--jobs", "1",
        "--report-unused-ignores"]


def render(text):
    """One line of text: control characters written as escapes."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def assumes(finding):
    """" | assumes: a.py, b.py", with " (does not hold)" when it does not;
    nothing for a finding that assumes nothing."""
    if not finding.get("assumes"):
        return ""
    return " | assumes: %s%s" % (", ".join(render(p) for p in finding["assumes"]),
                                 "" if finding["holds"] else " (does not hold)")


class Runner:
    def __init__(self, binary):
        self.binary = os.path.abspath(binary)
        self.update = os.environ.get("SCOUT_UPDATE_SNAPSHOTS") == "1"
        self.passed = 0
        self.failed = 0
        self.advisories = set()

    def fail(self, what, detail=""):
        self.failed += 1
        print("FAIL: %s" % what)
        if detail:
            print(detail.rstrip("\n"))

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.fail(what, detail)
        return ok

    def rules(self):
        out = subprocess.run([self.binary, "rules", "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
        return {r["id"]: r["category"] for r in json.loads(out)}

    def scan(self, folder, case, version):
        """Findings of the scan of `case` (a file or folder in `folder`), as
        (path from `folder`, finding) pairs; None when the scan fails."""
        args = [self.binary] + SCAN
        if version:
            args += ["--mypyc-version", version]
        proc = subprocess.run(args + [case], cwd=folder, capture_output=True, text=True)
        if proc.returncode != 0:
            self.fail("%s/%s: scan exited %d" % (folder, case, proc.returncode), proc.stderr)
            return None
        report = json.loads(proc.stdout)
        if not version:
            self.advisories.update(a["rule"] for a in report.get("advisories", []))
        found = []
        for module in report["modules"]:
            path = module["path"]
            if os.path.isdir(os.path.join(folder, case)):
                path = case + "/" + path
            found += [(path, f) for f in module["findings"]]
        return found

    def case_lines(self, folder, rule, case, version):
        found = self.scan(folder, case, version)
        if found is None:
            return None
        found = [(p, f) for p, f in found if f["rule"] == rule]
        found.sort(key=lambda pf: (pf[0], pf[1]["line"], pf[1]["column"], pf[1]["end_line"],
                                   pf[1]["end_column"], pf[1]["message"]))
        return ["%s:%d:%d-%d:%d %s [%s] %s | fix: %s%s" %
                (p, f["line"], f["column"], f["end_line"], f["end_column"], f["rule"],
                 f["category"], render(f["message"]), render(f["fix"] or ""), assumes(f))
                for p, f in found]

    def check_folder(self, rule, known):
        folder = os.path.join(RULES_DIR, rule)
        if not self.check(rule in known, "%s: folder for an unknown rule" % folder):
            return
        version = None
        if os.path.exists(os.path.join(folder, "mypyc-version")):
            version = open(os.path.join(folder, "mypyc-version")).read().strip()
        pairs = [(bad, good) for bad, good in (("bad.py", "good.py"), ("bad", "good"))
                 if os.path.exists(os.path.join(folder, bad))]
        if not self.check(pairs, "%s: neither bad.py nor bad/" % folder):
            return
        lines = []
        for bad, good in pairs:
            if not self.check(os.path.exists(os.path.join(folder, good)),
                              "%s: %s without %s" % (folder, bad, good)):
                continue
            got = self.case_lines(folder, rule, bad, version)
            if got is not None:
                lines += got
                self.check(got, "%s/%s: no %s finding" % (folder, bad, rule))
            got = self.case_lines(folder, rule, good, version)
            if got is not None:
                self.check(not got, "%s/%s must not fire %s" % (folder, good, rule),
                           "\n".join(got))
        self.compare(os.path.join(folder, "expected.txt"), lines)

    def compare(self, path, lines):
        text = "".join(line + "\n" for line in lines)
        if self.update:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        try:
            with open(path, encoding="utf-8") as f:
                expected = f.read()
        except OSError:
            expected = None
        if expected is None:
            self.fail("%s is missing (SCOUT_UPDATE_SNAPSHOTS=1 writes it)" % path)
            return
        diff = difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                    path, "scan")
        self.check(expected == text, "%s differs from the scan "
                   "(SCOUT_UPDATE_SNAPSHOTS=1 rewrites it; read the diff)" % path,
                   "".join(diff))

    def run(self):
        known = self.rules()
        folders = sorted(d for d in os.listdir(RULES_DIR) if not d.startswith("."))
        for rule in folders:
            self.check_folder(rule, known)
        self.check(self.advisories, "no scan listed the advisories")
        for rule in sorted(known):
            if rule not in self.advisories:
                self.check(rule in folders, "%s: no %s/%s/" % (rule, RULES_DIR, rule))
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 tests/snapshot/rules.py BINARY")
    sys.exit(Runner(sys.argv[1]).run())
