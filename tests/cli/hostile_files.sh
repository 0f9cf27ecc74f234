#!/usr/bin/env bash
# Files of the scanned tree that would hang a naive reader (issue 17 item 2):
# a committed symlink to /dev/zero or a FIFO named like a file the tool reads
# (mypy.ini, .mypy.ini, setup.cfg, pyproject.toml, requirements files), a
# profile named /dev/stdin in [tool.mypyc-scout], a FIFO among the cache
# entries. Each scan and audit finishes in seconds; a refused project file is
# a diagnostic naming it, and the rest of the scan goes on.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
scratch hostile-files
limit=${SCOUT_HANG_LIMIT:-20} # seconds; a hang is what this test catches

new_tree() { # new_tree DIR: a git work tree with one module
	rm -rf "$1"
	mkdir -p "$1"
	git -C "$1" init -q -b main
	printf 'def f(x: int) -> int:\n    return x + 1\n' >"$1/a.py"
}

for name in mypy.ini .mypy.ini setup.cfg pyproject.toml requirements.txt dev-requirements.txt; do
	for kind in zero fifo; do
		t=$tmp/$kind-${name#.}
		new_tree "$t"
		if [ "$kind" = zero ]; then
			ln -s /dev/zero "$t/$name"
			git -C "$t" add -A # committed, as a repository would carry it
			what="device (symlink to /dev/zero)"
			kind_text="a character device"
		else
			mkfifo "$t/$name"
			what=FIFO
			kind_text="a FIFO"
		fi
		rc=0
		out=$(timeout $limit "$bin" scan --no-cache --fail-on none --format json "$t" 2>"$tmp/err") || rc=$?
		check "$name as a $what: scan finishes (rc $rc)" [ "$rc" -eq 0 ]
		got=$(printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print([m["path"] for m in r["modules"]], [(d["path"], d["kind"], d["message"]) for d in r["diagnostics"]])' 2>&1) || true
		want="['a.py'] [('$name', 'skipped', 'not read: not a regular file ($kind_text)')]"
		check "$name as a $what: one diagnostic names it ($got)" [ "$got" = "$want" ]
		rc=0
		timeout $limit "$bin" scan --no-cache --fail-on none "$t" >"$tmp/out" 2>&1 || rc=$?
		check "$name as a $what: text report says so" grep -qF "$name: skipped: not read: not a regular file" "$tmp/out"
		rc=0
		timeout $limit "$bin" audit --no-cache --format markdown "$t" >"$tmp/audit.md" 2>"$tmp/err" || rc=$?
		check "$name as a $what: audit finishes (rc $rc)" [ "$rc" -eq 0 ]
		check "$name as a $what: audit says so" grep -qF "**Not read.** \`$name\`: not read: not a regular file" "$tmp/audit.md"
	done
done

t=$tmp/html
new_tree "$t"
mkfifo "$t/setup.cfg"
rc=0
timeout $limit "$bin" audit --no-cache "$t" >"$tmp/audit.html" 2>&1 || rc=$?
check "html audit finishes (rc $rc)" [ "$rc" -eq 0 ]
check "html audit says so" grep -qF "Not read: <code>setup.cfg</code>: not read: not a regular file (a FIFO)" "$tmp/audit.html"

# The profile the configuration names is /dev/stdin, here a FIFO this shell
# holds open for writing and never writes: read, it would block forever. It
# is refused at once (a usage error, as for a missing profile).
mkfifo "$tmp/stdin"
exec 3<>"$tmp/stdin"
t=$tmp/stdin-profile
new_tree "$t"
printf '[tool.mypyc-scout]\nprofile = "/dev/stdin"\n' >"$t/pyproject.toml"
for cmd in scan audit; do
	rc=0
	timeout $limit "$bin" $cmd --no-cache "$t" <&3 >/dev/null 2>"$tmp/err" || rc=$?
	check "profile = /dev/stdin: $cmd exits 2 at once (rc $rc)" [ "$rc" -eq 2 ]
	check "profile = /dev/stdin: $cmd says why" grep -qF "/dev/stdin: cannot read the profile: not a regular file (a FIFO)" "$tmp/err"
done
rm "$t/pyproject.toml"
mkfifo "$t/p.prof"
rc=0
timeout $limit "$bin" scan --no-cache --profile "$t/p.prof" "$t" >/dev/null 2>"$tmp/err" || rc=$?
check "--profile FIFO: exits 2 at once (rc $rc)" [ "$rc" -eq 2 ]

# A FIFO where a cache entry would be: a miss, then replaced by a real entry.
t=$tmp/cache
new_tree "$t"
"$bin" scan --cache-dir "$tmp/c" "$t" >/dev/null
entry=$(find "$tmp/c" -type f ! -name '.tmp-*' | head -1)
check "the cache holds an entry" [ -n "$entry" ]
rm -f "$entry"
mkfifo "$entry"
rc=0
timeout $limit "$bin" scan --cache-dir "$tmp/c" "$t" >"$tmp/out" 2>&1 || rc=$?
check "FIFO cache entry: scan finishes (rc $rc)" [ "$rc" -eq 0 ]
check "FIFO cache entry: replaced by a regular file" [ -f "$entry" ]
rc=0
timeout $limit "$bin" audit --cache-dir "$tmp/c" --format markdown "$t" >/dev/null 2>&1 || rc=$?
check "FIFO cache entry: audit finishes (rc $rc)" [ "$rc" -eq 0 ]
finish
