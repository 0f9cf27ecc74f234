#!/usr/bin/env bash
# The cache never lands inside the scanned tree, however its path is spelled
# (a '..' after a directory that does not exist yet is read as creating it
# would), and an empty --cache-dir is refused rather than read as '/'.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-cachedir-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/c/T"
printf 'def f(x: int) -> int:\n    return x\n' >"$tmp/c/T/m.py"
cd "$tmp"
"$bin" scan --fail-on none --cache-dir "$PWD/c/nope/../T/.cache" c/T >/dev/null 2>"$tmp/err"
grep -q "inside the scanned tree" "$tmp/err"
if [ -e c/T/.cache ] || [ -e c/nope ]; then
	echo "the cache was written into the scanned tree" >&2
	exit 1
fi
"$bin" scan --fail-on none --cache-dir "c/./nope/../T/sub/../.cache" c/T >/dev/null 2>"$tmp/err"
grep -q "inside the scanned tree" "$tmp/err"
[ ! -e c/T/.cache ]
# a cache outside the tree is used
"$bin" scan --fail-on none --cache-dir "$PWD/c/nope/../cache" c/T >/dev/null
[ -d c/cache ]
rc=0
"$bin" scan --fail-on none --cache-dir "" c/T >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" = 2 ]
grep -q -- "--cache-dir is empty" "$tmp/err"
