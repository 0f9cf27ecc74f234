#!/usr/bin/env bash
# Command-line behaviour: --help/--version, usage errors exit 2 with one line,
# --output writes the file, colour only on a TTY and never with NO_COLOR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
scratch usage

check "--version" bash -c "'$bin' --version | grep -qE '^mypyc-scout [0-9]+\.[0-9]+\.[0-9]+$'"
check "--help mentions scan" bash -c "'$bin' --help | grep -q 'mypyc-scout scan'"
check "scan --help" bash -c "'$bin' scan --help | grep -q -- '--exclude'"
check "unknown option" usage_error scan --bogus
check "unknown command" usage_error frobnicate
check "bad --jobs" usage_error scan --jobs 0
check "missing value" usage_error scan --format
check "unknown format" usage_error scan --format yaml fixtures/projects/sample
check "missing path" usage_error scan "$tmp/does-not-exist"
check "bad --mypyc-version" usage_error scan --mypyc-version one fixtures/projects/sample
check "unknown rule in --select" usage_error scan --select no-such-rule fixtures/projects/sample
check "--output writes the file" bash -c "'$bin' scan --fail-on none --format json --output '$tmp/r.json' fixtures/projects/sample && python3 -m json.tool '$tmp/r.json' >/dev/null"
check "--output=FILE form" bash -c "'$bin' scan --fail-on none --output='$tmp/r.txt' fixtures/projects/sample && grep -q geometry '$tmp/r.txt'"
exit_code() { # exit_code WANT ARGS...: the command exits WANT
	local want=$1 rc=0
	shift
	"$bin" "$@" >/dev/null 2>"$tmp/err" || rc=$?
	[ "$rc" -eq "$want" ]
}
check "a blocker fails the default gate (exit 1)" exit_code 1 scan fixtures/projects/sample
check "the gate says why, on one line, naming the file from the working directory" grep -qx 'mypyc-scout: 1 finding at or above --fail-on blocker (first in fixtures/projects/sample/src/shapes/legacy.py)' "$tmp/err"
check "--fail-on none passes" exit_code 0 scan --fail-on none fixtures/projects/sample
check "--fail-on slow counts slow findings" exit_code 1 scan --fail-on slow --ignore blocker fixtures/projects/sample
check "--ignore the blocker passes the gate" exit_code 0 scan --ignore python2 fixtures/projects/sample
check "--min-coverage above a planned module fails" exit_code 1 scan --ignore python2 --min-coverage 90 fixtures/projects/sample
check "--min-coverage met passes" exit_code 0 scan --ignore python2 --min-coverage 40 fixtures/projects/sample
check "bad --fail-on" usage_error scan --fail-on maybe fixtures/projects/sample
check "bad --min-coverage" usage_error scan --min-coverage 120 fixtures/projects/sample
check "--min-coverage nan is refused, not a gate that never fails" usage_error scan --min-coverage nan fixtures/projects/sample
check "no colour when not a TTY" bash -c "! '$bin' scan fixtures/projects/sample | grep -q \$'\\x1b'"
if command -v script >/dev/null 2>&1; then
	check "colour on a TTY" bash -c "script -qec \"'$bin' scan fixtures/projects/sample\" /dev/null | grep -q \$'\\x1b\\['"
	check "NO_COLOR wins on a TTY" bash -c "! NO_COLOR=1 script -qec \"'$bin' scan fixtures/projects/sample\" /dev/null | grep -q \$'\\x1b\\[3'"
fi
check "rules lists syntax-error" bash -c "'$bin' rules | grep -q '^syntax-error'"
check "rules ID documents it" bash -c "'$bin' rules syntax-error | grep -q 'Fix:'"
check "rules unknown id" usage_error rules no-such-rule
check "rules --format json" bash -c "'$bin' rules --format json | python3 -c 'import json,sys; assert len(json.load(sys.stdin)) >= 1'"
finish
