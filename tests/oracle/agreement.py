#!/usr/bin/env python3
"""Oracle agreement: mypyc-scout, evaluating for mypyc 1.0.1, must report a
blocker exactly for the oracle cases that Debian's real mypyc 1.0.1 did not
compile, and no blocker for the cases it compiled.

The cases are ours: tests/oracle/cases/<rule-id>/<name>.py (with an optional
<name>.mypy.ini), each written for the blocker rule its directory names, and
tests/oracle/oracle.tsv records what mypyc 1.0.1 did to each (regenerate it
with run_oracle.py). Each case is scanned alone as case.py in a fresh
temporary directory, with its mypy.ini, as the oracle compiled it.

A case can also be a directory, <name>/: a small project whose setup.py lists
the modules mypyc compiled together (run_oracle.py). It is scanned whole, and
its blockers are those of the compiled modules that hold when exactly those
modules are compiled: a finding that assumes other modules
(docs/report-schema.md, "assumes") counts only when they are all in the list.
So a pair of cases, one compiling both modules and one only the subclass's,
checks what a cross-module finding assumes.

- A case mypyc rejected (mypyc-error, mypy-error, crash, c-compile-error)
  must draw a blocker of its directory's rule. Type errors count: mypyc
  compiles nothing then, and a case is here only when its rule claims that
  error (type errors in general are the mypy-type-error advisory's, and have
  no cases).
- A case mypyc compiled (compiled-ok, compiled-ok+warning) must draw no
  blocker at all.
- A case in ABSTAIN (rejected code the bundled grammar cannot parse, with no
  certain syntax error in it) must get the verdict unknown and no blocker;
  it is listed, and counts neither way.

Coverage: every blocker rule that is reported per line (not an advisory) has
a directory with at least one case mypyc compiled, and at least one it
rejected -- or, for a rule that models a mypyc newer than 1.0.1, a case
1.0.1 compiled that mypyc-scout flags with the rule when it evaluates the
newest mypyc it knows. UNTESTABLE lists the rules that can have no rejected
case, and why.

usage: agreement.py MYPYC_SCOUT [--min 1.0]
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

from run_oracle import case_ids, compile_list

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
TSV = os.path.join(HERE, "oracle.tsv")
REJECTED = {"mypyc-error", "mypy-error", "crash", "c-compile-error"}
COMPILED = {"compiled-ok", "compiled-ok+warning"}
UNTESTABLE = {
    "native-int-out-of-range": "mypy 1.0.1's mypy_extensions stub has no native int types: "
                               "importing i64 is a type error before mypyc sees the literal",
    "override-native-int-type": "mypy 1.0.1's mypy_extensions stub has no native int types",
    "t-string": "Python 3.14 syntax: on Debian's Python 3.11 a t-string is a syntax error "
                "(the case syntax-error/t-string-prefix)",
}
# Cases mypyc rejects on which the tool abstains by design: code the bundled
# grammar cannot parse and no certain syntax error explains gets the verdict
# unknown, never a blocker (docs/grammar-gaps.md). Each must stay unknown for
# mypyc 1.0.1; it counts neither for nor against the agreement.
ABSTAIN = {
    "syntax-error/unclosed-parameters": "a typo (`def f(:`) the tool cannot tell from a "
                                        "construct its grammar does not know",
    "syntax-error/t-string-prefix": "a t-string, valid from Python 3.14 on; Debian's Python "
                                    "3.11 rejects it",
}


def scout(binary, args, d):
    out = subprocess.run([binary, "scan", "--no-cache", "--fail-on", "none", "--format", "json"]
                         + args + [d], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


# The oracle ran mypyc under Debian's Python 3.11, and mypy analyses for the
# Python that runs it unless python_version says otherwise: the scan is told so.
ORACLE_PYTHON = "3.11"


def write_config(case_ini, dest):
    """The case's mypy.ini, if any, with the oracle's python_version."""
    text = open(case_ini).read() if os.path.exists(case_ini) else "[mypy]\n"
    if "python_version" not in text:
        text = text.replace("[mypy]\n", "[mypy]\npython_version = %s\n" % ORACLE_PYTHON, 1)
    with open(dest, "w") as f:
        f.write(text)


def blockers(report, compiled):
    """The blocker rules of the compiled modules that hold when exactly
    `compiled` is compiled."""
    return sorted({f["rule"] for m in report["modules"] if m["path"] in compiled
                   for f in m["findings"] if f["category"] == "blocker"
                   and set(f.get("assumes", [])) <= set(compiled)})


def scan(binary, case_id):
    """Blocker rules of the case's compiled modules for mypyc 1.0.1 and for
    the newest mypyc, and the verdicts of those modules for mypyc 1.0.1."""
    d = tempfile.mkdtemp(prefix="scout-oracle-")
    try:
        case_dir = os.path.join(CASES, case_id)
        if os.path.isdir(case_dir):
            os.rmdir(d)
            shutil.copytree(case_dir, d)
            compiled = compile_list(os.path.join(d, "setup.py"))
            write_config(os.path.join(d, "mypy.ini"), os.path.join(d, "mypy.ini"))
        else:
            shutil.copy(case_dir + ".py", os.path.join(d, "case.py"))
            write_config(case_dir + ".mypy.ini", os.path.join(d, "mypy.ini"))
            compiled = ["case.py"]
        old, newest = [scout(binary, args, d) for args in (["--mypyc-version", "1.0.1"], [])]
        verdicts = {m["verdict"] for m in old["modules"] if m["path"] in compiled}
        return blockers(old, compiled), blockers(newest, compiled), verdicts
    finally:
        shutil.rmtree(d)


def rule_sets(binary):
    """(blocker rule ids, advisory rule ids) as the binary lists them."""
    out = subprocess.run([binary, "rules", "--format", "json"], check=True, capture_output=True,
                         text=True).stdout
    blockers = {r["id"] for r in json.loads(out) if r["category"] == "blocker"}
    d = tempfile.mkdtemp(prefix="scout-oracle-")
    try:
        with open(os.path.join(d, "case.py"), "w") as f:
            f.write("x = 1\n")  # advisories are listed for a scan with a module
        advisories = {a["rule"] for a in scout(binary, [], d)["advisories"]}
    finally:
        shutil.rmtree(d)
    return blockers, advisories


def main():
    binary = os.path.abspath(sys.argv[1])
    minimum = float(sys.argv[sys.argv.index("--min") + 1]) if "--min" in sys.argv else 1.0
    with open(TSV, newline="") as f:
        rows = {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}
    blockers, advisories = rule_sets(binary)
    problems = []

    on_disk = set(case_ids())
    for case_id in sorted(on_disk - set(rows)):
        problems.append("%s: not in oracle.tsv (run tests/oracle/run_oracle.py %s)" % (case_id, case_id))
    for case_id in sorted(set(rows) - on_disk):
        problems.append("%s: in oracle.tsv but not under cases/ (rerun run_oracle.py)" % case_id)

    agree = disagree = abstained = 0
    per_rule = {}
    for case_id in sorted(on_disk & set(rows)):
        rule = case_id.split("/")[0]
        outcome = rows[case_id]["outcome"]
        counts = per_rule.setdefault(rule, {"rejected": 0, "compiled": 0, "newer": 0})
        if rule not in blockers:
            problems.append("%s: %s is not a blocker rule of this binary" % (case_id, rule))
            continue
        if outcome not in REJECTED | COMPILED:
            problems.append("%s: outcome %s says nothing about the rule; fix the case" % (case_id, outcome))
            continue
        old, newest, verdict = scan(binary, case_id)
        if case_id in ABSTAIN:
            if outcome in REJECTED and verdict == {"unknown"} and not old:
                abstained += 1
                print("abstains: %-55s oracle=%-16s scout=unknown (%s)" % (case_id, outcome,
                                                                         ABSTAIN[case_id]))
            else:
                problems.append("%s: in ABSTAIN, but mypyc gives %s and scout %s %s" % (
                    case_id, outcome, "/".join(sorted(verdict)), ",".join(old) or "no blocker"))
            continue
        if outcome in REJECTED:
            counts["rejected"] += 1
            ok = rule in old
        else:
            counts["compiled"] += 1
            counts["newer"] += rule in newest
            ok = not old
        if ok:
            agree += 1
        else:
            disagree += 1
            print("disagree: %-55s oracle=%-16s scout=%s" % (case_id, outcome, ",".join(old) or "no blocker"))

    for case_id in sorted(set(ABSTAIN) - on_disk):
        problems.append("%s: in ABSTAIN but not under cases/" % case_id)
    for rule in sorted(set(UNTESTABLE) - blockers):
        problems.append("%s: in UNTESTABLE but not a blocker rule of this binary" % rule)
    for rule in sorted(blockers - advisories):
        c = per_rule.get(rule)
        if not c or not c["compiled"]:
            problems.append("%s: no case that mypyc 1.0.1 compiled" % rule)
        if rule in UNTESTABLE:
            if c and c["rejected"]:
                problems.append("%s: has a rejected case, so drop it from UNTESTABLE" % rule)
        elif c and not c["rejected"] and not c["newer"]:
            problems.append("%s: no case that mypyc 1.0.1 rejected, nor one only a newer mypyc "
                            "rejects (flagged when scout evaluates the newest mypyc)" % rule)

    for rule in sorted(per_rule):
        c = per_rule[rule]
        print("%-42s %2d rejected, %2d compiled%s" % (rule, c["rejected"], c["compiled"],
                                                       " (%d flagged for the newest mypyc)" % c["newer"]
                                                       if c["newer"] else ""))
    for p in problems:
        print("problem: " + p)
    total = agree + disagree
    ratio = agree / total if total else 0.0
    print("oracle agreement with mypyc 1.0.1: %d of %d cases (%.1f%%), minimum %.0f%%; %d rules"
          "; %d cases abstained on (verdict unknown)"
          % (agree, total, 100 * ratio, 100 * minimum, len(per_rule), abstained))
    print("%d passed, %d failed" % (agree, disagree + len(problems)))
    sys.exit(0 if total and ratio >= minimum and not problems else 1)


if __name__ == "__main__":
    main()
