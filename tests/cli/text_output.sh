#!/usr/bin/env bash
# The text report (reporters/text.c): the default findings digest and summary,
# each --show-* flag, --statistics, -q, --diff, and the glitches it once had
# (names cut without "…", empty reasons in the blocked list, a t-string
# reported twice), on fixtures/projects/textreport: pkg/core.py has two
# blocker rules twice each, a behaviour cast, an untyped def with a 74-letter
# name (slow) and a Final constant (info); pkg/many.py twelve casts;
# pkg/tmpl.py a t-string; tests/ a blocker that does not ship.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
scratch text-output
proj=fixtures/projects/textreport
# from inside the project, so the text report's paths (from the working
# directory) are the project's own
scan() { (cd "$proj" && "$bin" scan --no-cache --jobs 2 "$@" .); }
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

scan --fail-on none >"$tmp/default"
check "default: a finding is one line, path:line:col: rule-id message" \
	grep -qx 'pkg/core.py:12:5: nested-class class Inner is defined inside function make: .* (+1 more here: line 15)' "$tmp/default"
check "default: blockers come first" [ "$(head -1 "$tmp/default")" = "blocker: 4 findings, mypyc refuses to compile these" ]
check "default: one line per rule and file, naming the other lines" \
	has "$tmp/default" "(+11 more here: lines 7, 10, 13, 16, 19, …)"
check "default: no fix hints" lacks "$tmp/default" "    fix: "
check "default: slow and info are counted, not listed" \
	has "$tmp/default" "not listed: 1 slow, 1 info (--show-all lists them"
check "default: no slow finding listed" lacks "$tmp/default" "untyped-function"
check "default: modules that do not ship are counted, not listed" lacks "$tmp/default" "tests/test_core.py"
check "default: the counts are of the modules that ship, and say so" \
	has "$tmp/default" "4 of 5 modules ship (setuptools: pyproject.toml [tool.setuptools] packages); the counts are of those"
check "default: the mypyc assumed and why" \
	has "$tmp/default" "assumed: mypyc 1.13.0 (pyproject.toml [build-system] requires: mypy==1.13.0), Python 3.9"
check "default: what to do next" has "$tmp/default" "  fix the 4 blockers, listed first above"
check "default: the first module to compile" has "$tmp/default" "    pkg/many.py  66.7%"
check "default: what fixing a blocked module unlocks, each rule once" \
	has "$tmp/default" "    pkg/core.py  unlocks 33.3%: class-body-chained-assign (2), nested-class (2)"
check "default: no module table, no plan, no advisory list" \
	bash -c "! grep -qE '^path +lines|^Compile first|^Not checked here' '$tmp/default'"
check "default: ends with the exit reason" [ "$(tail -1 "$tmp/default")" = "exit 0: --fail-on none" ]
check "default: short" [ "$(wc -l <"$tmp/default")" -le 30 ]

scan >"$tmp/gate" 2>"$tmp/gate.err" || true
check "the exit reason in the report and on stderr" \
	bash -c "tail -1 '$tmp/gate' | grep -qx 'exit 1: 4 findings at or above --fail-on blocker (first in pkg/core.py)' &&
		grep -qx 'mypyc-scout: 4 findings at or above --fail-on blocker (first in pkg/core.py)' '$tmp/gate.err'"

# the exit line names its file as the finding lines do: from the working
# directory (core.py inside pkg/, textreport/pkg/core.py above the root)
(cd "$proj/pkg" && "$bin" scan --no-cache --jobs 2 ..) >"$tmp/gate.in" 2>"$tmp/gate.in.err" || true
check "the exit line from inside pkg/: core.py, as the finding lines" \
	bash -c "grep -q '^core.py:12:5: nested-class ' '$tmp/gate.in' &&
		tail -1 '$tmp/gate.in' | grep -qx 'exit 1: 4 findings at or above --fail-on blocker (first in core.py)' &&
		grep -qx 'mypyc-scout: 4 findings at or above --fail-on blocker (first in core.py)' '$tmp/gate.in.err'"
(cd "$proj/.." && "$bin" scan --no-cache --jobs 2 textreport) >"$tmp/gate.up" 2>"$tmp/gate.up.err" || true
check "the exit line from above the root: textreport/pkg/core.py, as the finding lines" \
	bash -c "grep -q '^textreport/pkg/core.py:12:5: nested-class ' '$tmp/gate.up' &&
		grep -qx 'mypyc-scout: 4 findings at or above --fail-on blocker (first in textreport/pkg/core.py)' '$tmp/gate.up.err'"

scan --fail-on none --show-fixes >"$tmp/fixes"
check "--show-fixes: the fix under its finding" \
	grep -qx '    fix: move the class to module level' "$tmp/fixes"

scan --fail-on none --show-all >"$tmp/all"
check "--show-all: slow findings, each on its line" has "$tmp/all" "pkg/core.py:25:5: untyped-function "
check "--show-all: info findings" has "$tmp/all" "pkg/core.py:3:1: final-early-binding "
check "--show-all: modules that do not ship" has "$tmp/all" "tests/test_core.py:2:5: nested-class "
check "--show-all: no digest" [ "$(grep -c '^pkg/many.py:.*runtime-type-checks' "$tmp/all")" -eq 12 ]

scan --fail-on none --show-modules >"$tmp/modules"
check "--show-modules: the table" grep -qE '^path +lines +coverage +typed defs +verdict$' "$tmp/modules"
check "--show-modules: a row" grep -qE '^pkg/core.py +[0-9]+ +[0-9.]+% +[0-9]+/[0-9]+ +blocked$' "$tmp/modules"

scan --fail-on none --show-plan >"$tmp/plan"
check "--show-plan: the whole plan" has "$tmp/plan" "Compile first (hotness: static"
check "--show-plan: the snippet for the build" has "$tmp/plan" "# setup.py (setuptools)"
check "--show-plan: says nothing of --show-plan" lacks "$tmp/plan" "--show-plan prints"

scan --fail-on none --show-advisories >"$tmp/adv"
check "--show-advisories: the list" has "$tmp/adv" "Not checked here (needs a type checker or a run"
check "--show-advisories: not counted again" lacks "$tmp/adv" "not checked here: "

scan --fail-on none --statistics >"$tmp/stats"
check "--statistics: one line per rule, most first" \
	grep -qE '^ +13  runtime-type-checks +behaviour +cast\(\) is checked at run time$' "$tmp/stats"
check "--statistics: slow and info counted too" grep -qE '^ +1  final-early-binding +info ' "$tmp/stats"
check "--statistics: no finding lines" lacks "$tmp/stats" "pkg/core.py:"

scan -q >"$tmp/quiet" 2>/dev/null || true
check "-q: the findings first" [ "$(head -1 "$tmp/quiet")" = "blocker: 4 findings, mypyc refuses to compile these" ]
check "-q: then the exit reason, nothing else" \
	bash -c "tail -1 '$tmp/quiet' | grep -q '^exit 1: ' && ! grep -qE '^next:|^assumed:|^mypyc-scout ' '$tmp/quiet'"

# Names are cut with "…", or not at all: the 74-letter name is whole.
check "a long name is not cut" has "$tmp/all" \
	"function a_function_whose_name_is_much_longer_than_sixty_characters_to_see_it_whole has no annotations"
printf 'from typing import cast\n\n\ndef f(x: object) -> object:\n    return cast(dict[str, list[tuple[int, int, int, int, int, int, int, int, int, int]]], x)\n' >"$tmp/cut.py"
"$bin" scan --no-cache --fail-on none --show-all "$tmp/cut.py" >"$tmp/cut"
check "a long expression is cut with …" \
	has "$tmp/cut" "cast(dict[str, list[tuple[int, int, int, int, int, int, int, int,…, ...)"

# A t-string is one finding: no grammar gap, no syntax error, no python2.
printf 'name = "x"\ngreeting = t"hello {name}"\nprint(t"a {name}")\n' >"$tmp/tmpl.py"
"$bin" scan --no-cache --fail-on none --show-all --mypyc-version 2.3 --format json "$tmp/tmpl.py" >"$tmp/tmpl.json"
check "a t-string is reported once" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
got = [(f["rule"], f["line"]) for m in d["modules"] for f in m["findings"] if f["category"] == "blocker"]
assert got == [("t-string", 2), ("t-string", 3)], got
assert d["diagnostics"] == [], d["diagnostics"]
assert d["modules"][0]["verdict"] == "blocked"' "$tmp/tmpl.json"

# --diff: only what the change adds, and the verdicts that got worse.
cp -r "$proj" "$tmp/repo"
(
	git_repo "$tmp/repo" >/dev/null
	git add -A && git commit -qm base
	git checkout -q -b change
	printf '\n\nclass Base(int):\n    pass\n' >>pkg/many.py
)
(cd "$tmp/repo" && "$bin" scan --no-cache --diff main .) >"$tmp/diff" 2>/dev/null || true
check "--diff: the added blocker" has "$tmp/diff" "pkg/many.py:40:12: builtin-base "
check "--diff: not the findings of unchanged files" lacks "$tmp/diff" "pkg/core.py:"
check "--diff: not the diagnostics of unchanged files" lacks "$tmp/diff" "pkg/tmpl.py"
check "--diff: the verdict that got worse" grep -qx '  pkg/many.py  needs-changes -> blocked' "$tmp/diff"
check "--diff: neither the plan nor the whole tree's counts" \
	bash -c "! grep -qE '^next:|^verdicts: |modules ship' '$tmp/diff'"
(cd "$tmp/repo" && "$bin" scan --no-cache --diff main --show-plan .) >"$tmp/diffplan" 2>/dev/null || true
check "--diff --show-plan: a blocked module whose findings --diff hid says so" \
	grep -qx '  pkg/core.py  unlocks 33.3%: its blockers are not on the lines --diff or --baseline shows' "$tmp/diffplan"
check "--diff --show-plan: no blocked module with an empty reason" \
	bash -c "! grep -qE 'unlocks [0-9.]+%:$' '$tmp/diffplan'"
finish
