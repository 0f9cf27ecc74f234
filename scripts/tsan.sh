#!/usr/bin/env bash
# ThreadSanitizer on the threaded scan: builds only the mypyc-scout binary (clang,
# as the fuzzers; TSAN_CC picks another compiler) with
# -fsanitize=thread into build-tsan, then runs it with --jobs 4 over the
# fixture projects, the whole fixtures/ tree, the Python standard library when
# one is installed (without site-packages; cold cache, then warm from the same
# cache), and the cache
# race test (tests/cli/cache_race.sh). Any data race report fails the run
# (halt_on_error); the time of each step is printed.
#   bash scripts/tsan.sh
# Env: TSAN_BUILD (build dir, default build-tsan), TSAN_JOBS (default 4),
# TSAN_STDLIB (a directory to scan instead of the standard library; empty
# skips it).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${TSAN_BUILD:-build-tsan}
jobs=${TSAN_JOBS:-4}
stdlib=${TSAN_STDLIB-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])' 2>/dev/null || true)}

start=$SECONDS
CC=${TSAN_CC:-clang} cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCOUT_TSAN=ON -DSCOUT_TESTS=OFF \
	-DSCOUT_BENCH=OFF -DSCOUT_WERROR=ON >"$build.configure.log" 2>&1 ||
	{ cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j 2 --target mypyc-scout >"$build.build.log" 2>&1 ||
	{ cat "$build.build.log"; exit 1; }
echo "tsan: built in $((SECONDS - start))s"
bin=$PWD/$build/mypyc-scout

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"

# run LABEL ARGS...: one scan; exit 0 or 1 (findings) is fine, a race is 66
run() {
	local label=$1 t=$SECONDS rc=0
	shift
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	if [ "$rc" -gt 1 ]; then
		echo "tsan: $label: exit $rc" >&2
		tail -60 "$tmp/err" >&2
		exit 1
	fi
	echo "tsan: $label: $((SECONDS - t))s"
}

run "fixture projects" scan --no-cache --fail-on none --jobs "$jobs" fixtures/projects
run "fixtures/" scan --no-cache --fail-on none --jobs "$jobs" fixtures
run "fixtures/ audit" audit --no-cache --jobs "$jobs" --format markdown --output "$tmp/a.md" fixtures
if [ -n "$stdlib" ] && [ -d "$stdlib" ]; then
	# the standard library itself: not what is installed beside it
	skip=(--exclude site-packages --exclude dist-packages)
	run "stdlib $stdlib, cold cache" scan --cache-dir "$tmp/cache" --fail-on none --jobs "$jobs" \
		"${skip[@]}" "$stdlib"
	run "stdlib, warm cache" scan --cache-dir "$tmp/cache" --fail-on none --jobs "$jobs" \
		"${skip[@]}" "$stdlib"
fi
t=$SECONDS
bash tests/cli/cache_race.sh "$bin" || { echo "tsan: cache race test failed" >&2; exit 1; }
echo "tsan: cache race test: $((SECONDS - t))s"
echo "tsan: total $((SECONDS - start))s"
