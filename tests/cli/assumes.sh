#!/usr/bin/env bash
# Findings that assume other modules compiled in the same build
# (docs/report-schema.md, "Schema version 2"): which modules each cross-module
# rule assumes, which findings hold in the build the verdicts assume (the
# current compile set plus the modules no finding of their own blocks), and
# that verdicts, --fail-on and plan.blocked count only those that hold.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
scratch assumes

json() { # json DIR > report: the JSON report of DIR
	"$bin" scan --no-cache --fail-on none --format json "$1"
}

# expect REPORT PYTHON-EXPR...: each expression, evaluated with `mods` (path ->
# module) and `f(path, line, rule)` (that finding), must be true.
expect() {
	local report=$1
	shift
	python3 - "$report" "$@" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
mods = {m["path"]: m for m in report["modules"]}
def f(path, line, rule):
    found = [x for x in mods[path]["findings"] if x["line"] == line and x["rule"] == rule]
    assert len(found) == 1, (path, line, rule, found)
    return found[0]
failed = 0
for expr in sys.argv[2:]:
    try:
        ok = eval(expr)
    except Exception as e:
        ok = False
        print("  (%s: %r)" % (type(e).__name__, e))
    if not ok:
        failed += 1
        print("FAIL:", expr)
sys.exit(1 if failed else 0)
PY
}

# ---- what each rule assumes (fixtures/projects/crossmodule) ---------------------
json fixtures/projects/crossmodule >"$tmp/cross.json"
check "each cross-module rule assumes the module of the class it needs native" \
	expect "$tmp/cross.json" \
	'f("pkg/sub.py", 11, "multiple-inheritance")["assumes"] == ["pkg/base.py"]' \
	'f("pkg/sub.py", 19, "trait-base-order")["assumes"] == ["pkg/base.py"]' \
	'f("pkg/sub.py", 24, "nonext-inherits-ext")["assumes"] == ["pkg/base.py"]' \
	'f("pkg/sub.py", 30, "interpreted-subclass-base")["assumes"] == ["pkg/base.py"]' \
	'"assumes" not in f("pkg/sub.py", 15, "builtin-base")'
# pkg/base.py is blocked on its own (MyError inherits from KeyError): it stays
# interpreted, so nothing that needs it native holds; builtin-base still does.
check "findings that need a blocked module do not hold; the module stays blocked by the rest" \
	expect "$tmp/cross.json" \
	'all(x["holds"] is False for x in mods["pkg/sub.py"]["findings"] if "assumes" in x)' \
	'mods["pkg/base.py"]["verdict"] == "blocked"' \
	'mods["pkg/sub.py"]["verdict"] == "blocked"' \
	'[b["rules"] for b in report["plan"]["blocked"] if b["path"] == "pkg/sub.py"] == [["builtin-base"]]'

# ---- holds or not (fixtures/projects/assumes) -------------------------------------
json fixtures/projects/assumes >"$tmp/assumes.json"
check "a finding whose module is in the assumed build holds and blocks" \
	expect "$tmp/assumes.json" \
	'f("pkg/plugin.py", 7, "nonext-inherits-ext")["assumes"] == ["pkg/base.py"]' \
	'f("pkg/plugin.py", 7, "nonext-inherits-ext")["holds"] is True' \
	'mods["pkg/plugin.py"]["verdict"] == "blocked"' \
	'f("pkg/client.py", 5, "instance-attr-via-class")["assumes"] == ["pkg/config.py"]' \
	'mods["pkg/client.py"]["verdict"] == "blocked"'
check "a finding that needs a module blocked on its own is listed but not counted" \
	expect "$tmp/assumes.json" \
	'f("pkg/adapter.py", 7, "nonext-inherits-ext")["assumes"] == ["pkg/legacy.py"]' \
	'f("pkg/adapter.py", 7, "nonext-inherits-ext")["holds"] is False' \
	'mods["pkg/adapter.py"]["verdict"] == "needs-changes"' \
	'mods["pkg/adapter.py"]["score"] > 0' \
	'report["summary"]["findings"]["blocker"] == 5' \
	'report["summary"]["verdicts"]["blocked"] == 4'
check "classvar-assign-via-class across modules assumes nothing" \
	expect "$tmp/assumes.json" \
	'"assumes" not in f("pkg/__init__.py", 5, "classvar-assign-via-class")'

rc=0
err=$("$bin" scan --no-cache --fail-on blocker fixtures/projects/assumes 2>&1 >/dev/null) || rc=$?
check "--fail-on counts only the blockers that hold (4 of 5)" \
	test "$rc" = 1 -a "${err#*: }" = "4 findings at or above --fail-on blocker (first in fixtures/projects/assumes/pkg/__init__.py)"

# The current compile set is in the assumed build even when blocked: with
# pkg/legacy.py in mypycify, Adapter's finding holds.
cp -r fixtures/projects/assumes "$tmp/current"
printf 'from setuptools import setup\nfrom mypyc.build import mypycify\n\nsetup(ext_modules=mypycify(["pkg/legacy.py", "pkg/adapter.py"]))\n' >"$tmp/current/setup.py"
(cd "$tmp/current" && json .) >"$tmp/current.json"
check "a module compiled now is in the assumed build, blocked or not" \
	expect "$tmp/current.json" \
	'report["plan"]["current"]["modules"] == ["pkg/adapter.py", "pkg/legacy.py"]' \
	'f("pkg/adapter.py", 7, "nonext-inherits-ext")["holds"] is True' \
	'mods["pkg/adapter.py"]["verdict"] == "blocked"'

# The text report names the assumption.
"$bin" scan --no-cache --fail-on none --show-all fixtures/projects/assumes >"$tmp/report.txt"
check "the text report says what a finding assumes" \
	grep -q ' \[if compiled with pkg/base.py\]$' "$tmp/report.txt"
check "the text report says why a finding is not counted" \
	grep -qF ' [if compiled with pkg/legacy.py; not counted: that module stays interpreted (not compiled now, and blocked on its own or test code)]' "$tmp/report.txt"
finish
