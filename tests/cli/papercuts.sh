#!/usr/bin/env bash
# The papercuts of issue 18, one check each at least: gitignore-style
# --exclude (and config exclude) that warns when a pattern matches nothing,
# --write-baseline exiting 0, unknown ids in ignore comments and
# per-path-ignores, a directory without Python files, --mypyc-version outside
# the catalog, colour (--color, NO_COLOR, FORCE_COLOR, TERM=dumb),
# "behavior", every module below --min-coverage, per-command help, "did you
# mean", `rules CATEGORY` with the advisory marker, -o and -f.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
says() { # says PATTERN ARGS...: stderr of the command matches PATTERN (extended regex)
	local pattern=$1
	shift
	local err
	err=$("$bin" "$@" 2>&1 >/dev/null) || true
	grep -qE -- "$pattern" <<<"$err"
}
exit_code() { # exit_code WANT ARGS...: the command exits WANT
	local want=$1 rc=0
	shift
	"$bin" "$@" >/dev/null 2>"$tmp/err" || rc=$?
	[ "$rc" -eq "$want" ]
}
not() { # not COMMAND...: COMMAND fails
	! "$@"
}
paths() { # paths ARGS...: the module paths `scan ARGS` reports, blank-separated
	"$bin" scan --no-cache --fail-on none --scope all --format json "$@" 2>/dev/null | python3 -c '
import json, sys
print(" ".join(m["path"] for m in json.load(sys.stdin)["modules"]))'
}
scratch papercuts

# A project with tests at two depths.
p=$tmp/proj
mkdir -p "$p/pkg/tests" "$p/tests" "$p/pkg/gen"
printf 'def f(x: int) -> int:\n    return x\n' >"$p/pkg/a.py"
cp "$p/pkg/a.py" "$p/pkg/tests/test_a.py"
cp "$p/pkg/a.py" "$p/tests/test_b.py"
cp "$p/pkg/a.py" "$p/pkg/gen/x_pb2.py"
cd "$p"

# --- --exclude: .gitignore patterns ------------------------------------------
check "--exclude tests/ drops tests at any depth" [ "$(paths --exclude tests/ .)" = "pkg/a.py pkg/gen/x_pb2.py" ]
check "--exclude '**/tests/**' too" [ "$(paths --exclude '**/tests/**' .)" = "pkg/a.py pkg/gen/x_pb2.py" ]
check "--exclude /tests only at the root" [ "$(paths --exclude /tests .)" = "pkg/a.py pkg/gen/x_pb2.py pkg/tests/test_a.py" ]
check "--exclude pkg/tests is anchored" [ "$(paths --exclude pkg/tests .)" = "pkg/a.py pkg/gen/x_pb2.py tests/test_b.py" ]
check "--exclude '*_pb2.py' at any depth" [ "$(paths --exclude '*_pb2.py' .)" = "pkg/a.py pkg/tests/test_a.py tests/test_b.py" ]
check "'!' re-includes" [ "$(paths --exclude tests/ --exclude '!pkg/tests/' .)" = "pkg/a.py pkg/gen/x_pb2.py pkg/tests/test_a.py" ]
check "a pattern that matches nothing: warned" \
	says "^mypyc-scout: warning: --exclude 'testz/' matches no file the scan covers$" scan --no-cache --fail-on none --exclude testz/ .
check "a pattern that matches: no warning" bash -c "! '$bin' scan --no-cache --fail-on none --exclude tests/ . 2>&1 >/dev/null | grep -q warning"
printf '[tool.mypyc-scout]\nexclude = ["tests/", "nothing-here"]\n' >pyproject.toml
check "config exclude is .gitignore-style too" [ "$(paths .)" = "pkg/a.py pkg/gen/x_pb2.py" ]
check "config exclude that matches nothing: warned, named as config" \
	says "^mypyc-scout: warning: \[tool.mypyc-scout\] exclude 'nothing-here' matches no file" scan --no-cache --fail-on none .
rm pyproject.toml

# --- --write-baseline --------------------------------------------------------
printf 'async def g():\n    yield 1\n' >pkg/blocked.py
check "a blocker fails the gate" exit_code 1 scan --no-cache .
check "--write-baseline succeeds: exit 0" exit_code 0 scan --no-cache --write-baseline "$tmp/baseline.json" .
check "... and wrote the baseline" test -s "$tmp/baseline.json"
check "--baseline then hides it: exit 0" exit_code 0 scan --no-cache --baseline "$tmp/baseline.json" .
rm pkg/blocked.py

# --- unknown ids in ignore comments ------------------------------------------
printf 'x = 1  # mypyc-scout: ignore[builtin-bse]\ny = 2  # mypyc-scout: ignore[blocker]\nz = 3  # mypyc-scout: ignore[nested-class]\n' >pkg/ign.py
suppressions() {
	"$bin" scan --no-cache --fail-on none --format json "$@" pkg/ign.py | python3 -c '
import json, sys
for m in json.load(sys.stdin)["modules"]:
    for f in m["findings"]:
        if f["rule"] == "unused-suppression":
            print("%d: %s" % (f["line"], f["message"]))'
}
out=$(suppressions)
check "a typo in an ignore comment is reported, with did-you-mean" \
	grep -qF "1: \`# mypyc-scout: ignore[...]\` names an unknown rule 'builtin-bse' (did you mean 'builtin-base'?)" <<<"$out"
check "a category in an ignore comment is reported as such" grep -qF "2: \`# mypyc-scout: ignore[...]\` names the category 'blocker'" <<<"$out"
check "a known id hiding nothing is not reported without the flag" bash -c "! grep -q '^3:' <<<'$out'"
out=$(suppressions --report-unused-ignores)
check "--report-unused-ignores says 'unknown rule', not 'hides nothing'" \
	bash -c "grep -q \"^1: .*unknown rule 'builtin-bse'\" <<<\"\$1\" && ! grep -q '^1: .*hides nothing' <<<\"\$1\"" _ "$out"
check "--report-unused-ignores: a known id that hides nothing" grep -q '^3: .*hides nothing' <<<"$out"
rm pkg/ign.py
printf '[tool.mypyc-scout]\n[tool.mypyc-scout.per-path-ignores]\n"pkg/*" = ["nested-clas"]\n' >pyproject.toml
check "an unknown id in per-path-ignores: exit 2" usage_error scan --no-cache .
check "... named, with did-you-mean" says "per-path-ignores \"pkg/\*\" names an unknown rule 'nested-clas' \(did you mean 'nested-class'\?\)" scan --no-cache .
printf '[tool.mypyc-scout]\n[tool.mypyc-scout.per-path-ignores]\n"pkg/*" = ["behavior", "nested-class"]\n' >pyproject.toml
check "per-path-ignores takes categories, 'behavior' too" exit_code 0 scan --no-cache --fail-on none .
rm pyproject.toml

# --- no Python files ---------------------------------------------------------
mkdir -p "$tmp/empty/docs"
echo hi >"$tmp/empty/docs/README"
check "no Python files: exit 0 (as ruff)" exit_code 0 scan --no-cache "$tmp/empty"
check "... with a warning that says so" grep -qx "mypyc-scout: warning: no Python files found in $tmp/empty" "$tmp/err"
check "... and no annotation coverage claimed" bash -c "'$bin' scan --no-cache '$tmp/empty' 2>/dev/null | grep -qx 'verdicts: none, no module to judge'"

# --- --mypyc-version ---------------------------------------------------------
check "--mypyc-version 9.9: refused" usage_error scan --no-cache --mypyc-version 9.9 .
check "... naming the range the catalog describes" says "outside the versions the rule catalog describes: 0\.780 to 2\.3 \(or a later 3\.x\)$" scan --mypyc-version 9.9 .
check "--mypyc-version 2.4, newer than the catalog: accepted" exit_code 0 scan --no-cache --fail-on none --mypyc-version 2.4 .
check "... with a warning" says "warning: mypyc 2\.4 is newer than the rule catalog" scan --no-cache --fail-on none --mypyc-version 2.4 .
check "--mypyc-version 0.5: refused" usage_error scan --no-cache --mypyc-version 0.5 .
check "--mypyc-version 1.0.1: accepted" exit_code 0 scan --no-cache --fail-on none --mypyc-version 1.0.1 .
printf '[tool.mypyc-scout]\nmypyc-version = "0.5"\n' >pyproject.toml
check "the config's mypyc-version is checked too" usage_error scan --no-cache .
rm pyproject.toml

# --- colour ------------------------------------------------------------------
esc=$'\033['
colored() { # colored ENV... -- ARGS...: the text report holds an escape sequence
	local envs=()
	while [ "$1" != "--" ]; do envs+=("$1"); shift; done
	shift
	env -u NO_COLOR -u FORCE_COLOR "${envs[@]}" "$bin" scan --no-cache --fail-on none "$@" . | grep -qF "$esc"
}
printf 'def f(x):\n    return x\n' >pkg/untyped.py
check "not a terminal: no colour" not colored TERM=xterm --
check "--color always colours a pipe" colored TERM=xterm -- --color always
check "FORCE_COLOR colours a pipe" colored TERM=xterm FORCE_COLOR=1 --
check "NO_COLOR beats FORCE_COLOR" not colored FORCE_COLOR=1 NO_COLOR=1 --
check "--color never beats FORCE_COLOR" not colored FORCE_COLOR=1 -- --color never
check "--color always beats NO_COLOR" colored NO_COLOR=1 -- --color always
# the report on a pseudo-terminal (python's pty, deterministic where
# script(1) may stop early when stdin is closed) holds an escape sequence
tty_colored() { # tty_colored TERM
	env -u NO_COLOR -u FORCE_COLOR TERM="$1" python3 -c '
import os, subprocess, sys
master, slave = os.openpty()
child = subprocess.Popen(sys.argv[1:], stdout=slave, stderr=subprocess.DEVNULL)
os.close(slave)
out = b""
while True:
    try:
        data = os.read(master, 65536)
    except OSError:  # EIO: the child closed its end
        break
    if not data:
        break
    out += data
child.wait()
sys.exit(0 if b"\x1b[" in out else 1)' "$bin" scan --no-cache --fail-on none .
}
check "a terminal: colour" tty_colored xterm
check "TERM=dumb: no colour, even on a terminal" not tty_colored dumb
check "--color takes auto, always or never" usage_error scan --color sometimes .
rm pkg/untyped.py

# --- behavior ----------------------------------------------------------------
check "--select behavior is --select behaviour" cmp -s <("$bin" scan --no-cache --fail-on none --format json --select behavior .) \
	<("$bin" scan --no-cache --fail-on none --format json --select behaviour .)
check "--fail-on behavior" exit_code 0 scan --no-cache --fail-on behavior .
check "rules behavior lists the behaviour rules" bash -c "'$bin' rules behavior | grep -q '^cached-property .* behaviour '"

# --- --min-coverage names every module below it -----------------------------
for m in one two three four five six seven; do printf 'def %s(x: int, y=1) -> int:\n    return x\n' "$m" >"pkg/low_$m.py"; done
check "--min-coverage: exit 1" exit_code 1 scan --no-cache --min-coverage 90 .
check "... counts every module below, names five, then 'and N more'" \
	grep -qE '^mypyc-scout: 7 planned modules are below --min-coverage 90%: pkg/low_[a-z]+\.py \(66\.7%\)(, pkg/low_[a-z]+\.py \(66\.7%\)){4} and 2 more$' "$tmp/err"
(cd pkg && "$bin" scan --no-cache --min-coverage 90 ..) 2>"$tmp/err.in" >/dev/null || true
check "... naming them from the working directory (inside pkg/: low_one.py)" \
	grep -qE '^mypyc-scout: 7 planned modules are below --min-coverage 90%: low_[a-z]+\.py \(66\.7%\)' "$tmp/err.in"
rm pkg/low_*.py

# --- per-command help --------------------------------------------------------
check "--help scan is scan's help" cmp -s <("$bin" --help scan) <("$bin" scan --help)
check "scan --help is not the overview" bash -c "! '$bin' scan --help | grep -q '^commands:'"

# --- did you mean ------------------------------------------------------------
check "unknown flag: did you mean" says "^mypyc-scout: error: unknown option '--exlcude' \(did you mean '--exclude'\?\)$" scan --exlcude x .
check "unknown flag=value: did you mean" says "unknown option '--fail-no=none' \(did you mean '--fail-on'\?\)" scan --fail-no=none .
check "unknown command: did you mean" says "^mypyc-scout: error: unknown command 'sacn' \(did you mean 'scan'\?\)$" sacn .
check "unknown rule id: did you mean" says "^mypyc-scout: error: unknown rule 'builtin-bse' \(did you mean 'builtin-base'\?\)$" rules builtin-bse
check "unknown --select id: did you mean" says "unknown rule or category 'nested-clas' \(did you mean 'nested-class'\?\)" scan --select nested-clas .
check "unknown --ignore id: did you mean" says "unknown rule or category 'blokcer' \(did you mean 'blocker'\?\)" scan --ignore blokcer .
check "unknown --fail-on: did you mean" says "not 'blocekr' \(did you mean 'blocker'\?\)" scan --fail-on blocekr .
check "nothing near: no guess" says "^mypyc-scout: error: unknown option '--zzzzzz' \(try 'mypyc-scout --help'\)$" scan --zzzzzz

# --- rules CATEGORY and the advisory marker ----------------------------------
check "rules blocker lists only blockers" bash -c "'$bin' rules blocker | grep -E '^[a-z]' | awk '{print \$2}' | sort -u | grep -qx blocker"
check "rules slow marks advisory rules" bash -c "'$bin' rules slow | grep -q '^[a-z-]* *slow *(advisory) '"
check "rules explains the marker" bash -c "'$bin' rules | grep -q '^(advisory): needs a type checker'"
check "rules --format json marks advisory rules" bash -c "'$bin' rules -f json | python3 -c 'import json,sys; assert any(r.get(\"advisory\") for r in json.load(sys.stdin))'"

# --- -o and -f ---------------------------------------------------------------
check "-f json -o FILE" bash -c "'$bin' scan --no-cache --fail-on none -f json -o '$tmp/r.json' . && python3 -m json.tool '$tmp/r.json' >/dev/null"
check "-o is --output, -f is --format" cmp -s <("$bin" rules -f json) <("$bin" rules --format json)
check "a short option's value may follow it: -fjson" cmp -s <("$bin" rules -fjson) <("$bin" rules --format json)
check "-j1" exit_code 0 scan --no-cache --fail-on none -j1 .
finish
