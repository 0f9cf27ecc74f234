#!/usr/bin/env bash
# A scan killed between writing a cache entry's temporary file and renaming
# it (kill -9) leaves DIR/vN/xx/.tmp-*: opening the cache sweeps those older
# than an hour (a live writer's are seconds old and stay), at most once an
# hour (DIR/vN/.swept).
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-sweep-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
mkdir -p "$tmp/t"
printf 'def f(x: int) -> int:\n    return x\n' >"$tmp/t/m.py"
"$bin" scan --cache-dir "$tmp/c" "$tmp/t" >/dev/null
v=$(cd "$tmp/c" && echo v*)
[ -d "$tmp/c/$v" ] || fail "no versioned cache directory"
mkdir -p "$tmp/c/$v/ab" "$tmp/c/$v/0f"
echo partial >"$tmp/c/$v/ab/.tmp-Old123"
echo partial >"$tmp/c/$v/0f/.tmp-Old456"
echo writing >"$tmp/c/$v/ab/.tmp-New789"
echo keep >"$tmp/c/$v/ab/notatemp"
touch -d '2 hours ago' "$tmp/c/$v/ab/.tmp-Old123" "$tmp/c/$v/0f/.tmp-Old456" "$tmp/c/$v/ab/notatemp"
ln -s "$tmp/outside" "$tmp/c/$v/ab/.tmp-Link"
echo outside >"$tmp/outside"
touch -h -d '2 hours ago' "$tmp/c/$v/ab/.tmp-Link"
touch -d '2 hours ago' "$tmp/c/$v/.swept" # the first scan's sweep
"$bin" scan --cache-dir "$tmp/c" "$tmp/t" >/dev/null
[ ! -e "$tmp/c/$v/ab/.tmp-Old123" ] || fail "a stale temporary stayed"
[ ! -e "$tmp/c/$v/0f/.tmp-Old456" ] || fail "a stale temporary in another shard stayed"
[ -e "$tmp/c/$v/ab/.tmp-New789" ] || fail "a fresh temporary (a live writer's) was removed"
[ -e "$tmp/c/$v/ab/notatemp" ] || fail "a file not a temporary was removed"
[ -e "$tmp/outside" ] || fail "a symlink's target was removed"
# Swept within the hour: not again; once the mark is old, again.
echo partial >"$tmp/c/$v/ab/.tmp-Later"
touch -d '2 hours ago' "$tmp/c/$v/ab/.tmp-Later"
"$bin" scan --cache-dir "$tmp/c" "$tmp/t" >/dev/null
[ -e "$tmp/c/$v/ab/.tmp-Later" ] || fail "swept twice within the hour"
touch -d '2 hours ago' "$tmp/c/$v/.swept"
"$bin" scan --cache-dir "$tmp/c" "$tmp/t" >/dev/null
[ ! -e "$tmp/c/$v/ab/.tmp-Later" ] || fail "not swept after an hour"
echo ok
