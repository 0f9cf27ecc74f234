#!/usr/bin/env bash
# Smaller items of issue 17: --help and --version report a failed write
# (exit 2, not 0); a malformed SOURCE_DATE_EPOCH dates the audit now with a
# note, not 1970.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-small-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for args in "--help" "--version" "scan --help"; do
	rc=0
	# shellcheck disable=SC2086
	"$bin" $args >/dev/full 2>"$tmp/err" || rc=$?
	if [ "$rc" != 2 ] || ! grep -q "could not write" "$tmp/err"; then
		echo "$args to /dev/full: exit $rc" >&2
		exit 1
	fi
done
mkdir -p "$tmp/t"
printf 'def f(x: int) -> int:\n    return x\n' >"$tmp/t/m.py"
SOURCE_DATE_EPOCH=abc "$bin" audit --no-cache --timestamp --format markdown --output "$tmp/a.md" "$tmp/t" 2>"$tmp/err"
grep -q "SOURCE_DATE_EPOCH is not a number" "$tmp/err"
if grep -q "1970-01-01" "$tmp/a.md"; then
	echo "SOURCE_DATE_EPOCH=abc dated the audit 1970" >&2
	exit 1
fi
SOURCE_DATE_EPOCH=86400 "$bin" audit --no-cache --timestamp --format markdown --output "$tmp/b.md" "$tmp/t"
grep -q "1970-01-02" "$tmp/b.md"
