#!/usr/bin/env bash
# ctest bench/smoke: the benchmark's pieces do what run.sh relies on.
# usage: bench/smoke.sh MYPYC-SCOUT SCOUT-BENCH-BASELINE (from the source root)
#  - the baseline counts every node of every regular *.py, walks
#    subdirectories and follows no symlink;
#  - synth.py is deterministic, writes N modules in packages of 100 that
#    Python's own parser accepts, with mypyc blockers the scan finds;
#  - run.sh prints the table with all four runs, the callgrind row
#    (--instructions) and a scaling row.
set -euo pipefail
bin=$(realpath "$1")
baseline=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() { # check NAME COMMAND...
	if "${@:2}"; then pass=$((pass + 1)); else
		echo "FAIL: $1" >&2
		fail=$((fail + 1))
	fi
}

# module > expression_statement > assignment > identifier "=" integer: 6 nodes
mkdir -p "$tmp/tree/sub" "$tmp/elsewhere"
printf 'x = 1\n' >"$tmp/tree/a.py"
printf 'x = 1\n' >"$tmp/tree/sub/b.py"
printf 'not python (\n' >"$tmp/tree/notes.txt"
printf 'y = 2\nz = 3\n' >"$tmp/elsewhere/c.py"
ln -s "$tmp/elsewhere/c.py" "$tmp/tree/link.py"
ln -s "$tmp/elsewhere" "$tmp/tree/linkdir"
out=$("$baseline" "$tmp/tree")
check "baseline counts two files" grep -qx 'files 2' <<<"$out"
check "baseline counts 12 bytes" grep -qx 'bytes 12' <<<"$out"
check "baseline counts 12 nodes" grep -qx 'nodes 12' <<<"$out"
check "baseline prints seconds" grep -q '^seconds [0-9.]*$' <<<"$out"
out=$("$baseline" "$tmp/elsewhere/c.py")
check "baseline takes a file" grep -qx 'nodes 11' <<<"$out"
check "baseline needs a path" bash -c '! "$0" 2>/dev/null' "$baseline"

python3 bench/synth.py 250 "$tmp/s1" --no-git
python3 bench/synth.py 250 "$tmp/s2"
check "synth is deterministic" diff -r "$tmp/s1/src" "$tmp/s2/src"
check "synth writes 250 modules" test "$(find "$tmp/s2/src" -name '*.py' | wc -l)" -eq 250
check "synth packages of 100" test "$(ls "$tmp/s2/src" | tr '\n' ' ')" = "pkg0000 pkg0001 pkg0002 "
check "synth commits" test "$(git -C "$tmp/s2" ls-files | wc -l)" -eq 251
check "synth output parses" python3 -c '
import ast, pathlib, sys
for p in pathlib.Path(sys.argv[1]).rglob("*.py"):
    ast.parse(p.read_text(), str(p))' "$tmp/s2/src"
python3 bench/synth.py 250 "$tmp/s3" --seed 8 --no-git
check "another seed, other files" bash -c '! diff -rq "$0" "$1" >/dev/null' "$tmp/s1/src" "$tmp/s3/src"
"$bin" scan --no-cache --format json --fail-on none --output "$tmp/scan.json" "$tmp/s2"
check "the scan sees every module and some blockers" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
mods = r["modules"]
assert len(mods) == 250, len(mods)
rules = {f["rule"] for m in mods for f in m.get("findings", [])}
for want in ("nested-class", "async-generator"):
    assert want in rules, (want, sorted(rules))' "$tmp/scan.json"

mkdir "$tmp/t"
TMPDIR="$tmp/t" bash bench/run.sh --bin "$bin" --baseline "$baseline" --runs 1 --scale 150 \
	--instructions "$tmp/tree" >"$tmp/table.md" 2>"$tmp/run.err"
for row in 'baseline' 'scan --jobs 1 --no-cache' 'scan --jobs 2 --no-cache' \
	'scan --jobs 1, warm cache' '| instructions (callgrind), scan --jobs 1 / baseline |' \
	'| 150 |'; do
	check "run.sh row: $row" grep -qF "$row" "$tmp/table.md"
done
check "run.sh names the corpus" grep -q '^Corpus: 2 files' "$tmp/table.md"
check "run.sh marks goals" grep -qE '\| (PASS|FAIL) \|' "$tmp/table.md"
check "run.sh counts instructions" grep -qE '^\| instructions .*\| [0-9.]+ G / [0-9.]+ G = [0-9.]+ \|' \
	"$tmp/table.md"
check "run.sh leaves nothing behind" test -z "$(ls -A "$tmp/t")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
