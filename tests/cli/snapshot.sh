#!/usr/bin/env bash
# Snapshot tests of every output format, each on its scenario:
#   scan  --format F  fixtures/projects/sample  -> fixtures/reports/sample/expected.F
#   scan  --format F  fixtures/projects/assumes -> fixtures/reports/assumes/expected.F
#     (findings across modules and what they assume: docs/report-schema.md)
#   audit --format F  fixtures/projects/audit   -> fixtures/reports/audit/expected.F
#   both              fixtures/projects/grammar -> fixtures/reports/grammar/expected.F
#     (a module of verdict unknown beside a certain syntax error)
# The formats are the ones the binary lists when given an unknown one (the
# reporter registry for scan), so a new format cannot go unsnapshotted, and a
# snapshot of a format the binary no longer has fails. SCOUT_UPDATE_SNAPSHOTS=1
# rewrites them; read the diff before committing. The audit states no date
# without --timestamp; SOURCE_DATE_EPOCH pins it should that change.
set -euo pipefail
bin=$1
export SOURCE_DATE_EPOCH=86400
fail=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# formats_of COMMAND: the formats in "unknown format '?' (choose from a, b)".
formats_of() {
	local err rc=0
	err=$("$bin" "$1" --format '?' fixtures/projects/sample 2>&1 >/dev/null) || rc=$?
	[ "$rc" -eq 2 ] || { echo "exit $rc" >&2; return 1; }
	sed -n 's/.*(choose from \(.*\))$/\1/p' <<<"$err" | tr -d ' ' | tr ',' ' '
}

scan_sample() { # scan_sample FORMAT OUT
	"$bin" scan --fail-on none --format "$1" --jobs 2 fixtures/projects/sample >"$2"
}
scan_assumes() { # scan_assumes FORMAT OUT
	"$bin" scan --fail-on none --format "$1" --jobs 2 fixtures/projects/assumes >"$2"
}
audit_audit() { # audit_audit FORMAT OUT
	"$bin" audit --format "$1" --jobs 2 --output "$2" fixtures/projects/audit
}
scan_grammar() { # scan_grammar FORMAT OUT
	"$bin" scan --fail-on none --format "$1" --jobs 2 fixtures/projects/grammar >"$2"
}
audit_grammar() { # audit_grammar FORMAT OUT
	"$bin" audit --format "$1" --jobs 2 --output "$2" fixtures/projects/grammar
}

# snapshot SCENARIO FORMAT RUN: RUN FORMAT FILE writes the report to FILE.
snapshot() {
	local dir=fixtures/reports/$1 format=$2 run=$3 expected actual
	expected=$dir/expected.$format
	actual=$(mktemp)
	if ! "$run" "$format" "$actual"; then
		bad "$run $format failed"
	else
		if [ "${SCOUT_UPDATE_SNAPSHOTS:-}" = 1 ]; then
			mkdir -p "$dir"
			cp "$actual" "$expected"
		fi
		if [ -f "$expected" ] && diff -u "$expected" "$actual"; then
			ok
		else
			bad "$format report differs from $expected"
		fi
	fi
	rm -f "$actual"
}

# stale SCENARIO FORMAT...: every expected.* of the scenario is one of FORMAT.
stale() {
	local dir=fixtures/reports/$1 f
	shift
	for f in "$dir"/expected.*; do
		[ -e "$f" ] || continue
		if [[ " $* " == *" ${f##*/expected.} "* ]]; then ok; else bad "$f: no such format"; fi
	done
}

scan_formats=$(formats_of scan) || bad "scan --format '?' does not list the formats"
audit_formats=$(formats_of audit) || bad "audit --format '?' does not list the formats"
# Known members: the parsing above still finds the lists.
[[ " $scan_formats " == *" text "* && " $scan_formats " == *" json "* ]] && ok ||
	bad "scan formats: '$scan_formats'"
[[ " $audit_formats " == *" html "* && " $audit_formats " == *" markdown "* ]] && ok ||
	bad "audit formats: '$audit_formats'"

for format in $scan_formats; do
	snapshot sample "$format" scan_sample
	snapshot assumes "$format" scan_assumes
done
for format in $audit_formats; do
	snapshot audit "$format" audit_audit
done
for format in $scan_formats; do
	snapshot grammar "$format" scan_grammar
done
for format in $audit_formats; do
	snapshot grammar "$format" audit_grammar
done
stale sample $scan_formats
stale assumes $scan_formats
stale audit $audit_formats
stale grammar $scan_formats $audit_formats
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
