#!/usr/bin/env bash
# The audit command end to end: both formats on fixtures/projects/audit, exit
# status, byte-identical output across runs, --timestamp, the scanned tree left
# untouched, and usage errors.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
scratch audit
export XDG_CACHE_HOME=$tmp/cache

cp -r fixtures/projects/audit "$tmp/proj"
(cd "$tmp/proj" && find . -type f -exec sha256sum {} + | sort) >"$tmp/before"

for fmt in html markdown; do
	rc=0
	"$bin" audit --format $fmt --output "$tmp/a.$fmt" "$tmp/proj" || rc=$?
	check "$fmt: exit 0 although the project has blockers" test "$rc" -eq 0
	"$bin" audit --format $fmt --output "$tmp/b.$fmt" --jobs 1 "$tmp/proj"
	check "$fmt: byte-identical across runs" cmp -s "$tmp/a.$fmt" "$tmp/b.$fmt"
	check "$fmt: names the project" grep -q auditdemo "$tmp/a.$fmt"
	check "$fmt: the phase 1 module" grep -q 'src/auditdemo/core.py' "$tmp/a.$fmt"
	check "$fmt: the blocker and its rule" grep -q 'nested-class' "$tmp/a.$fmt"
	check "$fmt: flit must be replaced" grep -qi 'flit' "$tmp/a.$fmt"
	check "$fmt: no date without --timestamp" \
		bash -c "! grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z' '$tmp/a.$fmt'"
	SOURCE_DATE_EPOCH=86400 "$bin" audit --format $fmt --timestamp --output "$tmp/t.$fmt" "$tmp/proj"
	check "$fmt: --timestamp states when" grep -q '1970-01-02T00:00:00Z' "$tmp/t.$fmt"
done
check "html is the default format" bash -c "'$bin' audit '$tmp/proj' | head -c 200 | grep -qi '<!doctype html>'"
check "markdown stays under 65,536 characters" \
	test "$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$tmp/a.markdown")" -lt 65536

(cd "$tmp/proj" && find . -type f -exec sha256sum {} + | sort) >"$tmp/after"
check "the scanned tree is unchanged" cmp -s "$tmp/before" "$tmp/after"

expect_usage() { # expect_usage DESCRIPTION ARGS...
	local what=$1 rc=0
	shift
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	check "$what: exit 2" test "$rc" -eq 2
	check "$what: says why" grep -q 'error' "$tmp/err"
}
expect_usage "unknown format" audit --format pdf "$tmp/proj"
expect_usage "--diff is for scan" audit --diff main "$tmp/proj"
expect_usage "unwritable output" audit --output "$tmp/no/such/dir/a.html" "$tmp/proj"
expect_usage "missing path" audit "$tmp/does-not-exist"
finish
