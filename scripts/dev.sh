#!/usr/bin/env bash
# One entry point for a fresh Debian machine (run as root, or with sudo):
#   bash scripts/dev.sh scan [ARGS...]  install what is missing, build, scan
#                                       (default target: the bundled sample project)
#   bash scripts/dev.sh test            install what is missing, build with -Werror,
#                                       run every test, then again under ASan+UBSan,
#                                       the threaded scan under TSan, the fuzzers
#   bash scripts/dev.sh build           install what is missing and build only
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc 2>/dev/null || echo 2)

deps() {
	bash scripts/setup-deps.sh "$@"
}

build() { # build DIR [cmake args...]
	local dir=$1
	shift
	cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >"$dir.configure.log" 2>&1 ||
		{ cat "$dir.configure.log"; exit 1; }
	cmake --build "$dir" -j "$jobs"
}

run_tests() { # run_tests DIR [ctest args...]
	local dir=$1
	shift
	(cd "$dir" && ctest --output-on-failure -j "$jobs" "$@")
}

cmd=${1:-scan}
shift || true
case $cmd in
scan)
	deps
	mkdir -p build
	build build >/dev/null
	if [ $# -eq 0 ]; then
		set -- fixtures/projects/sample
	fi
	# exit 1 means the scan found what --fail-on gates on: the job ran
	rc=0
	./build/mypyc-scout scan "$@" || rc=$?
	if [ "$rc" -eq 1 ]; then
		echo "(exit 1: findings at or above --fail-on; see the report above)" >&2
		rc=0
	fi
	echo "(the binary is $PWD/build/mypyc-scout; 'cmake --install build --prefix ~/.local' puts it in ~/.local/bin)" >&2
	exit "$rc"
	;;
build)
	deps
	mkdir -p build
	build build
	;;
test)
	deps --test
	mkdir -p build build-asan
	build build -DSCOUT_WERROR=ON
	run_tests build
	build build-asan -DSCOUT_WERROR=ON -DSCOUT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	# the real-mypyc check does not run our code: once is enough
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		run_tests build-asan -LE mypyc
	# ThreadSanitizer on the threaded scan (--jobs 4: fixtures, the stdlib,
	# the cache race test)
	bash scripts/tsan.sh
	# libFuzzer, 360 s shared by the harnesses (7: about 51 s each), inputs up
	# to 1 MiB; crash inputs end in build-fuzz/crashes/
	FUZZ_TOTAL_SECONDS=360 bash scripts/fuzz.sh
	;;
*)
	echo "usage: bash scripts/dev.sh scan [ARGS...] | test | build" >&2
	exit 2
	;;
esac
