#!/usr/bin/env bash
# Memory check with valgrind on a Release build with -g (no sanitizers) in
# build-vg:
#   bash scripts/valgrind.sh suite   the unit tests, the main CLI tests and the
#                                    rule snapshots (a scan per fixture case)
#   bash scripts/valgrind.sh scan    a scan of /usr/lib/python3.11 (SCAN_ROOT)
#                                    with --jobs 2 --no-cache
#   bash scripts/valgrind.sh         both
# Fails on any invalid read or write, use of uninitialised memory, or
# definite/indirect leak (valgrind exits 99; every log is also checked, so a
# test that ignores the binary's exit status cannot hide an error).
# Env: VG_BUILD (build dir, default build-vg), SCAN_ROOT, VG_KEEP=1 keeps logs.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${VG_BUILD:-build-vg}
scan_root=${SCAN_ROOT:-/usr/lib/python3.11}
what=${1:-all}
case $what in suite | scan | all) ;; *)
	echo "usage: bash scripts/valgrind.sh [suite|scan|all]" >&2
	exit 2
	;;
esac
# The CLI tests that run our binary on its own (no chromium, no dotnet, no
# formatting check): what scans, reports, configures, caches and diffs.
cli_tests=(usage snapshot hostile config suppress plan profile crossmodule crossmodule_attrs
	compile_set cache ci_flow readme_rules)

command -v valgrind >/dev/null || { echo "valgrind: not installed" >&2; exit 2; }
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g -DSCOUT_BENCH=OFF \
	>"$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j 2 >"$build.build.log" 2>&1 || { cat "$build.build.log"; exit 1; }
bin=$(realpath "$build/mypyc-scout")

tmp=$(mktemp -d)
if [ "${VG_KEEP:-0}" = 1 ]; then
	echo "valgrind: keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi
mkdir -p "$tmp/logs" "$tmp/bin"
vg=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
	--show-leak-kinds=definite,indirect --num-callers=30)

# The CLI tests get a wrapper in the binary's place: every run of it goes
# through valgrind, one log per process.
cat >"$tmp/bin/mypyc-scout" <<WRAP
#!/bin/sh
exec ${vg[*]} --log-file="$tmp/logs/cli-\$VG_TEST.%p.log" "$bin" "\$@"
WRAP
chmod +x "$tmp/bin/mypyc-scout"

failed=()
run() { # run LABEL COMMAND...: times it, records a failure
	local label=$1 start rc=0 out
	shift
	out=$tmp/logs/${label//\//-}.out
	start=$(date +%s)
	"$@" >"$out" 2>&1 || rc=$?
	printf 'valgrind: %-28s %4ss  exit %s\n' "$label" "$(($(date +%s) - start))" "$rc"
	if [ "$rc" -ne 0 ]; then
		failed+=("$label")
		tail -30 "$out" >&2 || true
	fi
}

total_start=$(date +%s)
if [ "$what" != scan ]; then
	for t in "$build"/tests/test_*; do
		name=$(basename "$t")
		run "unit/$name" "${vg[@]}" --log-file="$tmp/logs/unit-$name.%p.log" "$t"
	done
	for name in "${cli_tests[@]}"; do
		VG_TEST=$name SCOUT_UNIT_DIR=$(realpath "$build/tests") \
			run "cli/$name" bash "tests/cli/$name.sh" "$tmp/bin/mypyc-scout"
	done
	VG_TEST=rules run "snapshot/rules" python3 tests/snapshot/rules.py "$tmp/bin/mypyc-scout"
	echo "valgrind: suite took $(($(date +%s) - total_start))s"
fi
if [ "$what" != suite ]; then
	start=$(date +%s)
	run "scan" "${vg[@]}" --log-file="$tmp/logs/scan.%p.log" "$bin" scan --jobs 2 --no-cache \
		--fail-on none --format json --output "$tmp/scan.json" "$scan_root"
	echo "valgrind: scan of $scan_root took $(($(date +%s) - start))s" \
		"($(grep -o '"path":' "$tmp/scan.json" | wc -l) paths in the report)"
fi

# Every process's summary, whatever its exit status was.
bad=$(grep -l -E 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]' \
	"$tmp"/logs/*.log 2>/dev/null || true)
runs=$(find "$tmp/logs" -name '*.log' | wc -l)
echo "valgrind: $runs processes checked, $(echo "$bad" | grep -c . || true) with errors"
for log in $bad; do
	echo "---- $log" >&2
	grep -v '^==[0-9]*== *$' "$log" | head -80 >&2
done
if [ -n "$bad" ] || [ ${#failed[@]} -gt 0 ]; then
	echo "valgrind: FAILED: ${failed[*]} $bad" >&2
	exit 1
fi
echo "valgrind: clean"
