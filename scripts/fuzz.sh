#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/) with clang into build-fuzz and
# runs each for FUZZ_SECONDS (default 60; FUZZ_TOTAL_SECONDS instead divides
# a total among the harnesses run), inputs up to FUZZ_MAX_LEN bytes (default
# 1 MiB), on seeds collected from fixtures/ into a temporary directory; prints the executions per harness and fails when any
# harness crashes, leaks, hits undefined behaviour or times out.
#   bash scripts/fuzz.sh                 every harness
#   bash scripts/fuzz.sh module toml     only these
# Env: FUZZ_SECONDS, FUZZ_BUILD (build dir, default build-fuzz), FUZZ_WERROR=OFF
# (clang warnings not fatal; default ON), FUZZ_KEEP=1
# keeps the temp dir (corpora, logs). A crash input is copied to
# $FUZZ_BUILD/crashes/<harness>/; once fixed, commit it as
# fixtures/fuzz/<harness>/<name> so tests/unit/test_fuzz_regressions.c replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${FUZZ_BUILD:-build-fuzz}
max_len=${FUZZ_MAX_LEN:-1048576}
all=(module nest toml profile pstats speedscope folded)
if [ $# -gt 0 ]; then
	harnesses=("$@")
else
	harnesses=("${all[@]}")
fi
if [ -n "${FUZZ_TOTAL_SECONDS:-}" ]; then
	seconds=$((FUZZ_TOTAL_SECONDS / ${#harnesses[@]}))
else
	seconds=${FUZZ_SECONDS:-60}
fi

CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCOUT_FUZZ=ON \
	-DSCOUT_TESTS=OFF -DSCOUT_BENCH=OFF -DSCOUT_WERROR="${FUZZ_WERROR:-ON}" >"$build.configure.log" 2>&1 ||
	{ cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j 2 >"$build.build.log" 2>&1 || { cat "$build.build.log"; exit 1; }

tmp=$(mktemp -d)
if [ "${FUZZ_KEEP:-0}" = 1 ]; then
	echo "fuzz: keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi

# seed NAME FILE [PREFIX-BYTE]: copies FILE into the harness's seed dir, the
# toml harness's reader byte first.
n=0
seed() {
	local dir=$tmp/seeds/$1
	mkdir -p "$dir"
	n=$((n + 1))
	if [ $# -gt 2 ]; then
		{ printf "\\x$(printf %02x "$3")"; cat "$2"; } >"$dir/$n"
	else
		cp "$2" "$dir/$n"
	fi
}

seeds() {
	local f b
	for f in fixtures/rules/*/bad.py fixtures/rules/*/good.py; do
		seed module "$f"
	done
	while IFS= read -r f; do
		seed module "$f"
	done < <(find fixtures/projects fixtures/suppressions fixtures/annotations -name '*.py' 2>/dev/null)
	# toml's first byte picks the reader (tests/fuzz/fuzz_toml.c)
	while IFS= read -r f; do
		for b in 0 1 2 3 4 5 9; do seed toml "$f" "$b"; done
	done < <(find fixtures -name pyproject.toml)
	# TOML cases tomllib reads or refuses (tests/toml/compare.py)
	for f in fixtures/toml/*/*.toml; do
		seed toml "$f" 0
		seed toml "$f" 1
	done
	while IFS= read -r f; do
		seed toml "$f" 6
		seed toml "$f" 7
	done < <(find fixtures -name '*requirements*.txt')
	while IFS= read -r f; do
		seed toml "$f" 8
	done < <(find fixtures -name setup.py)
	printf '[mypy]\nstrict_optional = False\nstrict_bytes=false ; x\n' >"$tmp/mypy.ini"
	seed toml "$tmp/mypy.ini" 2
	seed toml "$tmp/mypy.ini" 3
	printf 'mypy[reports] ~= 1.13.0 ; python_version >= "3.9"\n' >"$tmp/req.txt"
	seed toml "$tmp/req.txt" 7
	# nest: each byte opens constructs (tests/fuzz/fuzz_nest.c); one seed per
	# kind, a deep one of each, and the replayed regressions
	for b in $(seq 0 15); do
		printf "\\x$(printf %02x "$b")\\x$(printf %02x $((b + 16)))\\x0f" >"$tmp/nest"
		seed nest "$tmp/nest"
		printf "\\x$(printf %02x $((b + 240)))\\xff" >"$tmp/nest"
		seed nest "$tmp/nest"
	done
	for f in fixtures/fuzz/nest/*; do
		[ -f "$f" ] && seed nest "$f"
	done
	for f in fixtures/profiles/*.prof fixtures/profiles/*.json fixtures/profiles/*.folded; do
		seed profile "$f"
	done
	for f in fixtures/profiles/*.prof; do seed pstats "$f"; done
	for f in fixtures/profiles/*.json; do seed speedscope "$f"; done
	for f in fixtures/profiles/*.folded; do seed folded "$f"; done
}
seeds

failed=()
total_runs=0
for h in "${harnesses[@]}"; do
	bin=$build/tests/fuzz/fuzz_$h
	[ -x "$bin" ] || { echo "fuzz: no harness $h (have: ${all[*]})" >&2; exit 2; }
	mkdir -p "$tmp/corpus/$h" "$tmp/crash/$h"
	log=$tmp/$h.log
	rc=0
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1 \
		"$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=30 -rss_limit_mb=2048 -max_len="$max_len" \
		-artifact_prefix="$tmp/crash/$h/" "$tmp/corpus/$h" "$tmp/seeds/$h" >"$log" 2>&1 || rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	corpus=$(find "$tmp/corpus/$h" -type f | wc -l)
	largest=$(find "$tmp/corpus/$h" "$tmp/seeds/$h" -type f -printf '%s\n' | sort -n | tail -1)
	printf 'fuzz_%-11s %10s executions in %ss, %s seeds, corpus +%s, largest input %s bytes, exit %s\n' \
		"$h" "${runs:-?}" "$seconds" "$(find "$tmp/seeds/$h" -type f | wc -l)" "$corpus" "${largest:-0}" "$rc"
	total_runs=$((total_runs + ${runs:-0}))
	if [ "$rc" -ne 0 ]; then
		failed+=("$h")
		mkdir -p "$build/crashes/$h"
		cp "$tmp/crash/$h/"* "$build/crashes/$h/" 2>/dev/null || true
		echo "---- fuzz_$h failed; log tail:" >&2
		grep -v '^#[0-9]' "$log" | tail -40 >&2
		echo "---- crash inputs: $build/crashes/$h/" >&2
	fi
done
echo "fuzz: $total_runs executions in total"
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: FAILED: ${failed[*]}" >&2
	exit 1
fi
