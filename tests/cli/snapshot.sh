#!/usr/bin/env bash
# Snapshot tests: each reporter on the bundled sample project, compared with
# fixtures/reports/sample/expected.<format>. SCOUT_UPDATE_SNAPSHOTS=1 rewrites
# them; read the diff before committing.
set -euo pipefail
bin=$1
dir=fixtures/reports/sample
fail=0
pass=0
for format in text json json-lines sarif github gitlab junit; do
	expected=$dir/expected.$format
	actual=$(mktemp)
	"$bin" scan --fail-on none --format "$format" --jobs 2 fixtures/projects/sample >"$actual"
	if [ "${SCOUT_UPDATE_SNAPSHOTS:-}" = 1 ]; then
		mkdir -p "$dir"
		cp "$actual" "$expected"
	fi
	if diff -u "$expected" "$actual"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $format report differs from $expected" >&2
		fail=$((fail + 1))
	fi
	rm -f "$actual"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
