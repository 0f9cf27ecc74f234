#!/usr/bin/env bash
# Every module in exactly one of the plan's lists, with its reason
# (fixtures/projects/planlists, README there; docs/report-schema.md):
# what is compiled today is kept, and a module it leaves interpreted that
# one of its blockers assumes "breaks" it (the verdicts assume it stays out); a base class's
# module waits for a blocked subclass module; modules with no code that
# runs after import are not worth compiling; tests are not shipped. The text
# report shows the same lists and only the setup.py snippet.
set -euo pipefail
bin=$1
dir=fixtures/projects/planlists
"$bin" scan --no-cache --fail-on none --format json "$dir" | python3 -c '
import json, sys
r = json.load(sys.stdin)
plan = r["plan"]
place = {m["path"]: m["plan"] for m in r["modules"]}
lists = {}
for path, p in place.items():
    lists.setdefault(p["list"], set()).add(path)
kept = {c["path"] for c in plan["compile"] if c["kept"]}
expect_reason = {
    "pkg/__init__.py": "reexports", "pkg/__main__.py": "script",
    "pkg/errors.py": "exceptions", "pkg/constants.py": "data",
    "pkg/kinds.py": "types", "pkg/core.py": "ready", "pkg/impl.py": "kept",
    "pkg/base.py": "tied", "pkg/plugin.py": "blockers", "pkg/iface.py": "breaks",
    "tests/test_core.py": "not-shipped",
}
checks = {
    "every module has a place": len(place) == len(r["modules"]),
    "plan.compile is the plan list": {c["path"] for c in plan["compile"]} == lists.get("plan", set()),
    "plan.blocked is the blocked list": {b["path"] for b in plan["blocked"]} == lists.get("blocked", set()),
    "blocked entries carry the same place": all(b["plan"] == place[b["path"]] for b in plan["blocked"]),
    "reasons": all(place[p]["reason"] == why for p, why in expect_reason.items()),
    "what is compiled today is kept": kept == {"pkg/core.py", "pkg/impl.py"} and set(plan["mypycify"]) >= kept,
    "impl.py is broken by iface.py": place["pkg/impl.py"].get("broken_by") == "pkg/iface.py",
    "iface.py breaks impl.py": place["pkg/iface.py"].get("breaks") == "pkg/impl.py",
    "the blocker of impl.py does not hold: iface.py stays interpreted": [f["holds"] for m in r["modules"] if m["path"] == "pkg/impl.py" for f in m["findings"] if f["rule"] == "multiple-inheritance"] == [False],
    "base.py waits for plugin.py through Handler": place["pkg/base.py"].get("waits_for") == "pkg/plugin.py" and place["pkg/base.py"].get("class") == "Handler",
    "fixing plugin.py unlocks itself and base.py": abs(place["pkg/plugin.py"]["unlocks"] - sum(m["hotness"] for m in r["modules"] if m["path"] in ("pkg/plugin.py", "pkg/base.py"))) < 2e-4,
    "own blockers come first in plan.blocked": plan["blocked"][0]["path"] == "pkg/plugin.py",
    "nothing not worth compiling is planned": not (lists.get("not-worth-compiling", set()) & {c["path"] for c in plan["compile"]}),
}
failed = [k for k, v in checks.items() if not v]
for k in failed:
    print("FAIL:", k)
if failed:
    print(json.dumps(place, indent=1))
print("%d passed, %d failed" % (len(checks) - len(failed), len(failed)))
sys.exit(1 if failed else 0)
'
text=$("$bin" scan --no-cache --fail-on none --show-plan "$dir")
fail=0
for want in "kept in the plan: pkg/core.py, pkg/impl.py" \
	"its blockers hold only if pkg/iface.py is compiled too" \
	"pkg/plugin.py  unlocks " \
	"pkg/base.py  waits for pkg/plugin.py, which subclasses its class Handler" \
	"pkg/iface.py  compiling it makes the blockers of pkg/impl.py (compiled today) hold" \
	"pkg/errors.py  only exception classes" \
	"# setup.py (setuptools)" \
	"Not shipped, never planned: 2 modules"; do
	grep -qF -- "$want" <<<"$text" || { echo "FAIL: text lacks: $want"; fail=1; }
done
if grep -qF "hatch-mypyc" <<<"$text"; then
	echo "FAIL: a setup.py project gets the hatch snippet too"
	fail=1
fi
exit $fail
