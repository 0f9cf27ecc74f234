#!/usr/bin/env bash
# bench/run.sh: how fast mypyc-scout scans, against a parse-only floor.
#
# usage: bench/run.sh [--bin PATH] [--baseline PATH] [--runs N] [--instructions]
#                     [--scale "N1 N2 ..." | --full-scale] [--no-scale] [DIR...]
#
# The corpus (DIR... or, by default, /usr/lib/python3.11 plus Debian's mypy and
# mypyc packages: 939 files, 16.1 MB of .py) is copied, *.py only, into a temp
# git repository (init, add, commit) outside the project, so the scan takes the
# git-index path. The runs go in --runs rounds (default 3), each of them
# timing with `/usr/bin/time -f '%e %M %U %S'` (wall seconds, peak RSS KB,
# CPU seconds), back to back:
#   baseline   scout-bench-baseline REPO (parse + full cursor walk, 1 thread)
#   jobs 1     mypyc-scout scan --jobs 1 --no-cache --format json REPO
#   jobs 2     the same with --jobs 2
#   warm       --jobs 1 --cache-dir TMP (filled once before the first round)
# Each figure is the median over the rounds, and each ratio the median of the
# rounds' own ratios, so that a machine whose speed drifts from one minute to
# the next slows the runs compared with each other alike. The ratios are
# jobs1/baseline (goal <= 1.15), jobs1/jobs2 (goal >= 1.8),
# warm/cold (goal <= 0.05). --instructions adds a row: the baseline and the
# jobs-1 scan run once each under `valgrind --tool=callgrind` (side by side,
# several minutes on the default corpus), and their instruction counts, which
# do not drift with the machine, give the jobs1/baseline ratio again. Scaling: bench/synth.py N builds a synthetic git
# repository of N modules; a cold --jobs 2 scan of each is timed once, with
# its time and peak RSS per module. Default scale "10000" (the whole run takes
# about 5 minutes on 2 cores); --full-scale is "10000 50000 100000".
# Output: a Markdown table on stdout (README's Benchmark section shows one);
# progress goes to stderr. Exit status 0 unless a command failed; a missed
# goal is a FAIL mark in the table, not an error.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin="$root/build/mypyc-scout"
baseline=""
runs=3
instructions=false
scale="10000"
dirs=()

die() {
	echo "bench/run.sh: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--bin) bin=$2; shift 2 ;;
	--baseline) baseline=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--instructions) instructions=true; shift ;;
	--scale) scale=$2; shift 2 ;;
	--full-scale) scale="10000 50000 100000"; shift ;;
	--no-scale) scale=""; shift ;;
	-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) die "unknown option $1" ;;
	*) dirs+=("$1"); shift ;;
	esac
done
[ -n "$baseline" ] || baseline="$(dirname "$bin")/scout-bench-baseline"
[ -x "$bin" ] || die "no mypyc-scout at $bin (build it, or pass --bin)"
[ -x "$baseline" ] || die "no baseline at $baseline (build with SCOUT_BENCH=ON, or pass --baseline)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
if $instructions; then
	command -v valgrind >/dev/null || die "--instructions needs valgrind (apt-get install valgrind)"
fi
case "$runs" in '' | *[!0-9]* | 0) die "--runs takes a positive number" ;; esac
bin=$(realpath "$bin")
baseline=$(realpath "$baseline")
if [ ${#dirs[@]} -eq 0 ]; then
	dirs=(/usr/lib/python3.11 /usr/lib/python3/dist-packages/mypy
		/usr/lib/python3/dist-packages/mypyc)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/scout-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
log() { echo "bench: $*" >&2; }

git_commit() {
	(cd "$1" && git init -q && git add -A . &&
		git -c user.name=bench -c user.email=bench@localhost commit -q -m corpus)
}

# Copies the *.py files (regular files only, symlinks not followed) of each
# DIR to $work/corpus/<basename>/ and commits them.
make_corpus() {
	local repo=$work/corpus d name
	mkdir -p "$repo"
	for d in "${dirs[@]}"; do
		[ -d "$d" ] || die "$d is not a directory"
		name=$(basename "$d")
		while [ -e "$repo/$name" ]; do name="${name}_"; done
		mkdir -p "$repo/$name"
		(cd "$d" && find . -name '*.py' -type f -print0 | tar --null -cf - -T -) |
			(cd "$repo/$name" && tar -xf -)
	done
	git_commit "$repo"
}

# Runs "$@" once under /usr/bin/time; prints "wall rss cpu". Exit 1 from the
# scan (findings at or above --fail-on) is not a failure here.
time_once() {
	local out=$work/time.out rc=0
	/usr/bin/time -o "$out" -f '%e %M %U %S' "$@" >"$work/cmd.out" 2>"$work/cmd.err" || rc=$?
	if [ "$rc" -gt 1 ]; then
		cat "$work/cmd.err" >&2
		die "failed ($rc): $*"
	fi
	awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$out"
}

scan=("$bin" scan --format json --fail-on none --output /dev/null)

# Median of a column (1-based) of a file of numbers, one row per round.
median_of() {
	sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ a[NR] = $c } END { print a[int((NR + 1) / 2)] }'
}

# median VAR_PREFIX: sets <prefix>_t, <prefix>_m, <prefix>_c to the medians
# of the wall seconds, peak RSS KB and CPU seconds in $work/<prefix>.runs.
median() {
	read -r "${1}_t" <<<"$(median_of "$work/$1.runs" 1)"
	read -r "${1}_m" <<<"$(median_of "$work/$1.runs" 2)"
	read -r "${1}_c" <<<"$(median_of "$work/$1.runs" 3)"
}

# round_ratio A B COLUMN: the median over the rounds of A's figure over B's.
round_ratio() {
	paste -d' ' "$work/$1.runs" "$work/$2.runs" |
		awk -v c="$3" '{ b = $(c + 3); print (b > 0) ? $c / b : 0 }' >"$work/ratios"
	median_of "$work/ratios" 1 | awk '{ if ($1 > 0) printf "%.2f", $1; else print "n/a" }'
}

# callgrind_ir NAME COMMAND...: the instructions COMMAND runs, counted by
# callgrind (its log in $work/NAME.cg).
callgrind_ir() {
	local name=$1
	shift
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$work/$name.cg" || true
	awk '/I +refs:/ { gsub(",", "", $NF); print $NF }' "$work/$name.cg"
}

# mark VALUE OP GOAL: PASS or FAIL
mark() {
	awk -v v="$1" -v op="$2" -v g="$3" 'BEGIN {
		if (v == "n/a") { print "n/a"; exit }
		ok = (op == "<=") ? (v <= g) : (v >= g); print ok ? "PASS" : "FAIL" }'
}

log "copying the corpus into a git repository under $work"
make_corpus
repo=$work/corpus
nfiles=$(cd "$repo" && git ls-files '*.py' | wc -l)
nbytes=$(cd "$repo" && git ls-files -z '*.py' | xargs -0 cat | wc -c)
mb=$(awk -v b="$nbytes" 'BEGIN { printf "%.1f", b / 1e6 }')
log "corpus: $nfiles files, $mb MB (${dirs[*]})"

cache=$work/cache
log "warm: filling the cache"
time_once "${scan[@]}" --jobs 1 --cache-dir "$cache" "$repo" >/dev/null
for ((round = 1; round <= runs; round++)); do
	log "round $round of $runs: baseline, jobs 1, jobs 2, warm"
	time_once "$baseline" "$repo" >>"$work/base.runs"
	time_once "${scan[@]}" --jobs 1 --no-cache "$repo" >>"$work/j1.runs"
	time_once "${scan[@]}" --jobs 2 --no-cache "$repo" >>"$work/j2.runs"
	time_once "${scan[@]}" --jobs 1 --cache-dir "$cache" "$repo" >>"$work/w.runs"
done
for prefix in base j1 j2 w; do median "$prefix"; done

r_base=$(round_ratio j1 base 1)
r_speed=$(round_ratio j1 j2 1)
r_warm=$(round_ratio w j1 1)
r_base_cpu=$(round_ratio j1 base 3)

echo "Corpus: $nfiles files, $mb MB of .py ($(printf '%s ' "${dirs[@]}" | sed 's/ $//')), copied into a git repository."
echo "$runs rounds of back-to-back runs; medians of wall seconds, CPU (user+sys) seconds, peak RSS, and of each round's ratios; $(nproc) cores."
echo
echo "| run | wall s | CPU s | peak RSS MB | ratio | goal | |"
echo "| --- | ---: | ---: | ---: | --- | --- | --- |"
rss() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "| baseline (parse + walk, 1 thread) | $base_t | $base_c | $(rss "$base_m") | | | |"
echo "| scan --jobs 1 --no-cache | $j1_t | $j1_c | $(rss "$j1_m") | jobs1/baseline $r_base (CPU $r_base_cpu) | <= 1.15 | $(mark "$r_base" '<=' 1.15) |"
echo "| scan --jobs 2 --no-cache | $j2_t | $j2_c | $(rss "$j2_m") | jobs1/jobs2 $r_speed | >= 1.8 | $(mark "$r_speed" '>=' 1.8) |"
echo "| scan --jobs 1, warm cache | $w_t | $w_c | $(rss "$w_m") | warm/cold $r_warm | <= 0.05 | $(mark "$r_warm" '<=' 0.05) |"
if $instructions; then
	log "instructions: the baseline and jobs 1 under callgrind, side by side"
	callgrind_ir base "$baseline" "$repo" >"$work/base.ir" &
	callgrind_ir j1 "${scan[@]}" --jobs 1 --no-cache "$repo" >"$work/j1.ir" &
	wait
	read -r ir_base <"$work/base.ir" || true
	read -r ir_j1 <"$work/j1.ir" || true
	[ -n "${ir_base:-}" ] && [ -n "${ir_j1:-}" ] ||
		die "callgrind gave no instruction count (see $work/base.cg, $work/j1.cg)"
	r_ir=$(awk -v a="$ir_j1" -v b="$ir_base" 'BEGIN { printf "%.3f", a / b }')
	echo "| instructions (callgrind), scan --jobs 1 / baseline | | | | $(awk -v a="$ir_j1" -v b="$ir_base" 'BEGIN { printf "%.2f G / %.2f G", a / 1e9, b / 1e9 }') = $r_ir | <= 1.15 | $(mark "$r_ir" '<=' 1.15) |"
fi

[ -n "$scale" ] || exit 0
echo
echo "Scaling: bench/synth.py N (seed 7), cold scan --jobs 2 --no-cache, one run each."
echo
echo "| modules | MB | wall s | peak RSS MB | ms per module | KB RSS per module |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for n in $scale; do
	case "$n" in '' | *[!0-9]* | 0) die "--scale takes positive numbers" ;; esac
	out=$work/synth-$n
	log "synthetic repository of $n modules"
	python3 "$here/synth.py" "$n" "$out"
	smb=$(du -sb "$out/src" | awk '{ printf "%.1f", $1 / 1e6 }')
	log "scan of $n modules"
	time_once "${scan[@]}" --jobs 2 --no-cache "$out" >"$work/once"
	read -r s_t s_m _ <"$work/once"
	awk -v n="$n" -v mb="$smb" -v t="$s_t" -v m="$s_m" 'BEGIN {
		printf "| %d | %s | %s | %.1f | %.3f | %.1f |\n", n, mb, t, m / 1024, t * 1000 / n, m / n }'
	rm -rf "$out"
done
