#!/usr/bin/env bash
# Class rules across modules (the project class index): bases resolved
# through `from pkg import X` re-exports, `from . import mod`, and
# `from pkg.mod import X` to classes of another module.
set -euo pipefail
bin=$1
"$bin" scan --fail-on none --format json fixtures/projects/crossmodule | python3 -c '
import json, sys
report = json.load(sys.stdin)
mods = {m["path"]: m for m in report["modules"]}
got = sorted((f["line"], f["rule"]) for f in mods["pkg/sub.py"]["findings"] if f["category"] != "slow")
expected = [
    (11, "multiple-inheritance"),
    (15, "builtin-base"),
    (19, "trait-base-order"),
    (24, "nonext-inherits-ext"),
    (30, "interpreted-subclass-base"),
    (34, "trait-base-order"),
]
ok = [e for e in expected if e in got]
extra = [g for g in got if g not in expected and g[1] in {r for _, r in expected}]
for e in expected:
    if e not in got:
        print("missing:", e)
for g in extra:
    print("unexpected:", g)
base = [f for f in mods["pkg/base.py"]["findings"] if f["rule"] == "builtin-base"]
print("base.py builtin-base findings:", len(base))
failed = len(expected) - len(ok) + len(extra) + (0 if len(base) == 1 else 1)
print("%d passed, %d failed" % (len(ok), failed))
sys.exit(1 if failed else 0)
'
