#!/usr/bin/env bash
# `verify` end to end with Debian's real mypyc 1.0.1 (/usr/bin/mypyc) on the
# tiny projects in fixtures/verify/: one that compiles, one with a blocker
# the scan predicts, one with a mypy type error, one that gcc refuses, one
# whose inheritance group goes out with its failing member, one whose tests
# break once compiled (--import, --test). Slow (gcc): ctest label `mypyc`.
set -uo pipefail
bin=$(realpath "$1")
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
source tests/cli/lib/check.sh
scratch verify-mypyc
export TMPDIR="$tmp"
if [ ! -x /usr/bin/mypyc ] || ! /usr/bin/mypyc --version | grep -q "^mypy 1.0.1"; then
	echo "needs Debian's mypy 1.0.1 at /usr/bin/mypyc (scripts/setup-deps.sh --test installs it)"
	echo "0 passed, 1 failed"
	exit 1
fi

verify() { # verify PROJECT ARGS...: $out the JSON report, $rc
	local project=$1
	shift
	rc=0
	out=$(PATH=/usr/bin:/bin "$bin" verify --no-cache --mypyc /usr/bin/mypyc --format json "$@" "fixtures/verify/$project") || rc=$?
}
js() {
	printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin); v = r["verification"]
m = {x["path"]: x for x in v["modules"]}
ok = eval(sys.argv[1])
if not ok: print(json.dumps(v, indent=1)[:3000], file=sys.stderr)
sys.exit(0 if ok else 1)' "$1"
}

verify compiles
check "compiles: exit 0" [ "$rc" -eq 0 ]
check "compiles: the plan verified in one compile" js 'v["status"] == "verified" and v["verified"] == ["pkg/core.py"] and len(v["rounds"]) == 1 and v["compiler"]["version"] == "1.0.1"'
check "compiles: confirmed" js 'm["pkg/core.py"]["outcome"] == "confirmed" and v["agreement"] == 1'

verify blocker --set ready,pkg.nested
check "blocker: exit 0 (predicted)" [ "$rc" -eq 0 ]
check "blocker: mypyc refused nested.py, as predicted" js 'm["pkg/nested.py"]["predicted"] == "blocked" and m["pkg/nested.py"]["real"] == "failed" and m["pkg/nested.py"]["error"]["kind"] == "mypyc" and m["pkg/nested.py"]["outcome"] == "confirmed"'
check "blocker: the rest verified" js 'v["status"] == "partial" and v["verified"] == ["pkg/core.py"] and v["agreement"] == 1'

verify typeerror
check "type error: exit 0 (not a miss)" [ "$rc" -eq 0 ]
check "type error: needs type fixes, read from mypy" js 'm["pkg/bad.py"]["outcome"] == "needs-type-fixes" and m["pkg/bad.py"]["error"]["code"] == "return-value" and m["pkg/bad.py"]["error"]["line"] == 5'
check "type error: core verified" js 'v["verified"] == ["pkg/core.py"]'

verify group
check "group: exit 0" [ "$rc" -eq 0 ]
check "group: square.py fails, base.py goes out with it" js 'm["pkg/square.py"]["outcome"] == "needs-type-fixes" and m["pkg/base.py"]["outcome"] == "tied" and m["pkg/base.py"]["tied_to"] == "pkg/square.py" and sorted(v["rounds"][0]["removed"]) == ["pkg/base.py", "pkg/square.py"]'
check "group: the rest verified in a second compile" js 'v["verified"] == ["pkg/core.py"] and len(v["rounds"]) == 2 and v["rounds"][1]["ok"]'

# A C compiler error in the group's shared C file, named by mypyc's C name
# of the module (an Enum subclass's member, enum-member-static-undeclared).
verify cerror --set ready,pkg.colors
check "C error: exit 0 (predicted)" [ "$rc" -eq 0 ]
check "C error: tied to pkg/colors.py by its C name, confirmed" js 'm["pkg/colors.py"]["outcome"] == "confirmed" and m["pkg/colors.py"]["error"]["kind"] == "c-compiler" and "CPyStatic_colors___Color___RED" in m["pkg/colors.py"]["error"]["message"]'
check "C error: core verified in a second compile" js 'v["verified"] == ["pkg/core.py"] and len(v["rounds"]) == 2'

# --import and --test (they run the project's code): a test subclasses a
# native class in interpreted code, which compiled code refuses at run time.
verify subclass --import --test "/usr/bin/python3 -m unittest"
check "subclass: exit 1 (the tests fail compiled)" [ "$rc" -eq 1 ]
check "subclass: compiled, imported from the extension" js 'v["verified"] == ["pkg/shapes.py"] and m["pkg/shapes.py"]["import"] == "ok" and v["python"] == "/usr/bin/python3"'
check "subclass: the test failure tied to pkg/shapes.py's class" js 'v["test"]["exit_status"] == 1 and [(f["path"], f["line"]) for f in v["test"]["failures"]] == [("pkg/shapes.py", 1)] and "interpreted classes cannot inherit from compiled" in v["test"]["failures"][0]["message"] and m["pkg/shapes.py"]["test_failures"] == 1'
out_text=$(PATH=/usr/bin:/bin "$bin" verify --no-cache --mypyc /usr/bin/mypyc --import --test "/usr/bin/python3 -m unittest" fixtures/verify/subclass 2>/dev/null)
check "subclass: the scan warned of the failure (interpreted-subclass in pkg/shapes.py)" js 'm["pkg/shapes.py"]["warned"] == [{"rule": "interpreted-subclass", "line": 1}] and v["runtime_failures"] == 1 and v["runtime_warned"] == 1'
check "subclass: the text report says it ran the project's code" grep -q "^Tests against the compiled build (ran the project's code)" <<<"$out_text"
check "subclass: the tests pass interpreted (the fixture is honest)" bash -c 'cd fixtures/verify/subclass && /usr/bin/python3 -B -m unittest -q 2>&1 | grep -q "^OK"'

# A star import compiles, and binds nothing in the compiled module
# (star-import-unbound): the relative one fails at import, the call to a name
# from os.path raises KeyError.
verify star --set pkg.paths,pkg.facade --import --test "/usr/bin/python3 -m unittest"
check "star: exit 1 (an import and a test fail compiled)" [ "$rc" -eq 1 ]
check "star: the relative star import fails at import, as predicted" js 'm["pkg/facade.py"]["import"] == "failed" and m["pkg/facade.py"]["import_error"] == "ModuleNotFoundError: No module named \x27paths\x27"'
check "star: the call to join raises KeyError, tied to pkg/paths.py:5" js '[(f["path"], f["line"], f["message"]) for f in v["test"]["failures"]] == [("pkg/paths.py", 5, "KeyError: \x27join\x27")]'
star_scan=$("$bin" scan --no-cache --fail-on none --select star-import-unbound fixtures/verify/star 2>/dev/null)
check "star: both failures were warned of by the scan" js 'all(m[p]["warned"] == [{"rule": "star-import-unbound", "line": 1}] for p in ("pkg/facade.py", "pkg/paths.py")) and (v["runtime_failures"], v["runtime_warned"]) == (2, 2)'
check "star: the scan predicted both" bash -c 'grep -q "^fixtures/verify/star/pkg/facade.py:1:1: star-import-unbound .*No module named .paths." <<<"$1" && grep -q "^fixtures/verify/star/pkg/paths.py:1:1: star-import-unbound .*the call to join on line 5 raises KeyError" <<<"$1"' _ "$star_scan"
check "star: the tests pass interpreted (the fixture is honest)" bash -c 'cd fixtures/verify/star && /usr/bin/python3 -B -m unittest -q 2>&1 | grep -q "^OK"'

check "the scanned trees are untouched" [ -z "$(find fixtures/verify \( -name '*.so' -o -name build -o -name .mypy_cache \) -print)" ]
check "no scratch left" [ -z "$(ls -A "$tmp")" ]
finish
