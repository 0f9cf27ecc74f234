#!/usr/bin/env bash
# The compile plan on a project with a known import graph
# (fixtures/projects/ranking): ranking, groups, blocked modules, test code
# never planned, and the risk of an interpreted subclass in the tests.
set -euo pipefail
bin=$1
"$bin" scan --fail-on none --format json fixtures/projects/ranking | python3 -c '
import json, sys
r = json.load(sys.stdin)
plan = r["plan"]
mods = {m["path"]: m for m in r["modules"]}
order = [c["path"] for c in plan["compile"]]
group = {c["path"]: c["group"] for c in plan["compile"]}
checks = {
    "app/core.py is planned first": order[:1] == ["app/core.py"],
    "test code is never planned": not any(p.startswith("tests/") for p in order),
    "test modules have no hotness": mods["tests/test_core.py"]["hotness"] == 0,
    "models and ext compile together": group.get("app/models.py") is not None and group.get("app/models.py") == group.get("app/ext.py"),
    "broken.py is blocked, with its rule": [b["path"] for b in plan["blocked"]] == ["app/broken.py"] and plan["blocked"][0]["rules"] == ["nested-class"],
    "hotness sums to 1": abs(sum(m["hotness"] for m in r["modules"]) - 1.0) < 1e-3,
    "core outranks util and cli": mods["app/core.py"]["hotness"] > max(mods["app/util.py"]["hotness"], mods["app/cli.py"]["hotness"]),
    "mypycify is the first phase": plan["mypycify"] == [c["path"] for c in plan["compile"] if c["phase"] == 1],
    "covered is the first phase share": abs(plan["covered"] - sum(mods[p]["hotness"] for p in plan["mypycify"])) < 1e-3,
    "interpreted subclass in tests flagged on Engine": any(f["rule"] == "interpreted-subclass" and f["line"] == 5 for f in mods["app/core.py"]["findings"]),
    "mock.patch of app.core.clamp flagged where clamp is bound": any(f["rule"] == "monkeypatch-function" and f["line"] == 2 and "tests/test_core.py:11" in f["message"] for f in mods["app/core.py"]["findings"]),
}
failed = [k for k, v in checks.items() if not v]
for k in failed:
    print("FAIL:", k)
if failed:
    print(json.dumps(plan, indent=1))
    print({p: m["hotness"] for p, m in mods.items()})
print("%d passed, %d failed" % (len(checks) - len(failed), len(failed)))
sys.exit(1 if failed else 0)
'
