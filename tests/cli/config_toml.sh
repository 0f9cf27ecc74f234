#!/usr/bin/env bash
# pyproject.toml read as TOML 1.0 (issue 17, item 15): a number with
# underscores is a number; a key defined twice, a table defined twice and an
# unterminated string are configuration errors (exit 2, file:line and what is
# wrong), not settings silently kept or dropped.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-config-toml-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/t"
printf 'def f(x: int) -> int:\n    return x\ndef g(y):\n    return y\n' >"$tmp/t/m.py"

# expect RC MESSAGE TOML: a scan of the project with this pyproject.toml
expect() {
	local want=$1 message=$2 rc=0
	printf '%s' "$3" >"$tmp/t/pyproject.toml"
	"$bin" scan --no-cache "$tmp/t" >/dev/null 2>"$tmp/err" || rc=$?
	if [ "$rc" != "$want" ] || { [ -n "$message" ] && ! grep -qF -- "$message" "$tmp/err"; }; then
		echo "pyproject.toml:" >&2
		cat "$tmp/t/pyproject.toml" >&2
		echo "exit $rc (want $want), stderr:" >&2
		cat "$tmp/err" >&2
		exit 1
	fi
}

# 1_0 is 10 and 9_9 is 99: the module (50% annotated) passes one gate and
# fails the other; 1_000 is over 100
expect 0 "" $'[tool.mypyc-scout]\nmin-coverage = 1_0\n'
expect 1 "below --min-coverage 99%: $tmp/t/m.py (50.0%)" $'[tool.mypyc-scout]\nmin-coverage = 9_9\n'
expect 2 "pyproject.toml:2: [tool.mypyc-scout] min-coverage must be a number from 0 to 100" \
	$'[tool.mypyc-scout]\nmin-coverage = 1_000\n'
expect 2 "pyproject.toml:3: invalid TOML: key 'tool.mypyc-scout.min-coverage' is defined twice (first at line 2)" \
	$'[tool.mypyc-scout]\nmin-coverage = 10\nmin-coverage = 20\n'
expect 2 "pyproject.toml:4: invalid TOML: table [tool.mypyc-scout] is defined twice (first at line 1)" \
	$'[tool.mypyc-scout]\nfail-on = "none"\n[project]\n[tool.mypyc-scout]\n'
expect 2 "pyproject.toml:3: invalid TOML: unterminated string" \
	$'[tool.mypyc-scout]\nfail-on = "none"\nexclude = ["a\n[project]\nname = "x"\n'
# an error outside [tool.mypyc-scout] is as much an error: what parsed may be partial
expect 2 "pyproject.toml:2: invalid TOML syntax: 'name = = \"x\"'" \
	$'[project]\nname = = "x"\n[tool.mypyc-scout]\nfail-on = "none"\n'
