#!/usr/bin/env bash
# --diff re-analyses the base versions of the changed modules on the scan's
# thread pool (issue 17, item 15), not on one thread: with --jobs 3 the
# diff starts threads of its own, and the report is the same as --jobs 1.
set -euo pipefail
bin=$(realpath "$1")
command -v strace >/dev/null || { echo "strace is needed" >&2; exit 1; }
tmp=$(mktemp -d /tmp/scout-diffthr-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
git init -q -b main .
git config user.name t
git config user.email t@example.com
mkdir pkg
for i in 1 2 3 4 5 6; do printf 'def f%s(x: int) -> int:\n    return x\n' "$i" >"pkg/m$i.py"; done
touch pkg/__init__.py
git add -A
git commit -qm base
for i in 1 2 3 4 5 6; do printf 'def g(x: int) -> int:\n    return x\n' >>"pkg/m$i.py"; done
threads() { # clone calls of one scan
	strace -f -e trace=clone,clone3 -o "$tmp/trace" "$bin" scan --no-cache --fail-on none --format json --jobs 3 "$@" . >/dev/null
	grep -c 'clone' "$tmp/trace" || true
}
plain=$(threads)
diffed=$(threads --diff main)
[ "$diffed" -gt "$plain" ] || { echo "FAIL: --diff started no threads ($diffed clones, $plain without --diff)" >&2; exit 1; }
"$bin" scan --no-cache --fail-on none --format json --jobs 1 --diff main . >"$tmp/one.json"
"$bin" scan --no-cache --fail-on none --format json --jobs 3 --diff main . >"$tmp/three.json"
cmp -s "$tmp/one.json" "$tmp/three.json" || { echo "FAIL: --diff report differs across --jobs" >&2; exit 1; }
echo ok
