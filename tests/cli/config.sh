#!/usr/bin/env bash
# [tool.mypyc-scout] in pyproject.toml: select/ignore, per-path-ignores,
# fail-on, mypyc-version; an unknown key or a bad value is a usage error that
# names it; command-line flags win.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
json() { "$bin" scan --fail-on none --format json "$@"; }
rules_in() { # rules_in ARGS...: the sorted rule ids reported
	json "$@" | python3 -c 'import json,sys; print(" ".join(sorted({f["rule"] for m in json.load(sys.stdin)["modules"] for f in m["findings"]})))'
}
d=fixtures/configs/good
check "config select/ignore/per-path: debugger only" [ "$(rules_in $d)" = "debugger" ]
check "config mypyc-version is used and named" bash -c "$(declare -f json); bin='$bin'; json $d | python3 -c 'import json,sys; m=json.load(sys.stdin)[\"mypyc\"]; assert m == {\"version\": \"1.0.1\", \"source\": \"pyproject.toml [tool.mypyc-scout] mypyc-version\"}, m'"
check "config fail-on info fails on the debugger call (info, the lowest category)" bash -c "! '$bin' scan $d >/dev/null 2>&1"
check "--fail-on on the command line wins" bash -c "'$bin' scan --fail-on blocker $d >/dev/null 2>&1"
check "--select on the command line replaces the config's; per-path ignores still apply" \
	[ "$(rules_in --select untyped-function $d)" = "" ]
check "--select on the command line can widen the config's" \
	[ "$(rules_in --select untyped-function,debugger $d)" = "debugger" ]
err=$("$bin" scan fixtures/configs/unknown_key 2>&1 >/dev/null) && rc=0 || rc=$?
check "unknown key: exit 2" [ "$rc" -eq 2 ]
check "unknown key is named with its line" grep -qF "pyproject.toml:3: unknown key 'fial-on'" <<<"$err"
err=$("$bin" scan fixtures/configs/bad_value 2>&1 >/dev/null) && rc=0 || rc=$?
check "bad value: exit 2" [ "$rc" -eq 2 ]
check "bad value is named" grep -qF "min-coverage must be a number" <<<"$err"
nan=$(mktemp -d /tmp/scout-nan-XXXXXX)
printf '[tool.mypyc-scout]\nmin-coverage = nan\n' >"$nan/pyproject.toml"
printf 'x: int = 1\n' >"$nan/m.py"
err=$("$bin" scan --no-cache "$nan" 2>&1 >/dev/null) && rc=0 || rc=$?
rm -rf "$nan"
check "min-coverage = nan (a TOML float): exit 2" [ "$rc" -eq 2 ]
check "min-coverage = nan is named" grep -qF "min-coverage must be a number" <<<"$err"
finish
