#!/usr/bin/env bash
# The result cache end to end: a warm scan gives the same bytes as a cold one
# and as --no-cache, reads every module back, writes nothing into the scanned
# tree, survives corrupt entries, follows edits (plain directory, git work tree
# and --rev), and --no-cache writes nothing at all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
scratch cache
export XDG_CACHE_HOME=$tmp/xdg

# scan OUT STATS [flags...] PATH: the json report into OUT, the cache's hit
# and miss line into STATS.
scan() {
	local out=$1 stats=$2
	shift 2
	SCOUT_CACHE_STATS=1 "$bin" scan --format json --fail-on none "$@" >"$out" 2>"$tmp/stderr"
	grep -o 'cache: [0-9]* hits, [0-9]* misses' "$tmp/stderr" >"$stats" || true
}

tree_state() { # names, sizes, mtimes and contents of every file below $1
	(cd "$1" && find . -printf '%p %y %s %T@\n' | sort && find . -type f -exec md5sum {} + | sort)
}

sample=fixtures/projects/sample
count=$(find "$sample" -name '*.py' | wc -l)
cache=$tmp/cache

# --- cold, warm, --no-cache: the same bytes ---------------------------------
before=$(tree_state "$sample")
scan "$tmp/cold.json" "$tmp/cold.stats" --cache-dir "$cache" "$sample"
scan "$tmp/warm.json" "$tmp/warm.stats" --cache-dir "$cache" "$sample"
scan "$tmp/none.json" "$tmp/none.stats" --no-cache "$sample"
check "warm report differs from cold" cmp -s "$tmp/cold.json" "$tmp/warm.json"
check "--no-cache report differs" cmp -s "$tmp/cold.json" "$tmp/none.json"
check "cold scan: $(cat "$tmp/cold.stats")" grep -qx "cache: 0 hits, $count misses" "$tmp/cold.stats"
check "warm scan: $(cat "$tmp/warm.stats")" grep -qx "cache: $count hits, 0 misses" "$tmp/warm.stats"
check "--no-cache used a cache" test ! -s "$tmp/none.stats"
entries=$(find "$cache"/v[0-9]* -type f | wc -l)
check "cache holds $entries entries, want $count" test "$entries" -eq "$count"
check "temp files left in the cache" test -z "$(find "$cache" -name '.tmp-*')"
check "the scanned tree changed" test "$before" = "$(tree_state "$sample")"
scan "$tmp/jobs1.json" "$tmp/jobs1.stats" --cache-dir "$cache" --jobs 1 "$sample"
check "--jobs 1 warm report differs" cmp -s "$tmp/cold.json" "$tmp/jobs1.json"
scan "$tmp/sel.json" "$tmp/sel.stats" --cache-dir "$cache" --mypyc-version 1.0 "$sample"
check "another mypyc version reused entries" grep -qx "cache: 0 hits, $count misses" "$tmp/sel.stats"

# --- corrupt every entry: misses, same report, then rewritten ---------------
i=0
while IFS= read -r entry; do
	case $((i % 3)) in
	0) truncate -s $(($(stat -c %s "$entry") / 2)) "$entry" ;;
	1) head -c 300 /dev/urandom >"$entry" ;;
	2) : >"$entry" ;;
	esac
	i=$((i + 1))
done < <(find "$cache"/v[0-9]* -type f)
scan "$tmp/corrupt.json" "$tmp/corrupt.stats" --cache-dir "$cache" "$sample"
check "report differs with corrupt entries" cmp -s "$tmp/cold.json" "$tmp/corrupt.json"
check "corrupt entries: $(cat "$tmp/corrupt.stats")" \
	grep -qx "cache: 0 hits, $count misses" "$tmp/corrupt.stats"
scan "$tmp/again.json" "$tmp/again.stats" --cache-dir "$cache" "$sample"
check "corrupt entries were not rewritten" grep -qx "cache: $count hits, 0 misses" "$tmp/again.stats"
check "report differs after rewrite" cmp -s "$tmp/cold.json" "$tmp/again.json"

# --- --no-cache writes nothing; the default location ------------------------
scan "$tmp/nc.json" "$tmp/nc.stats" --no-cache --cache-dir "$tmp/nc" "$sample"
check "--no-cache created its directory" test ! -e "$tmp/nc"
check "--no-cache wrote to XDG_CACHE_HOME" test ! -e "$XDG_CACHE_HOME"
scan "$tmp/xdg.json" "$tmp/xdg.stats" "$sample"
check "default cache is not under XDG_CACHE_HOME" \
	test "$(find "$XDG_CACHE_HOME"/mypyc-scout/v[0-9]* -type f | wc -l)" -eq "$count"
check "default-cache report differs" cmp -s "$tmp/cold.json" "$tmp/xdg.json"

# --- an unusable cache directory: a note, the same report -------------------
: >"$tmp/file"
scan "$tmp/nodir.json" "$tmp/nodir.stats" --cache-dir "$tmp/file/cache" "$sample"
check "unusable cache dir changed the report" cmp -s "$tmp/cold.json" "$tmp/nodir.json"
check "no note for an unusable cache dir" grep -q "scanning without the cache" "$tmp/stderr"

# --- edits are re-analysed: a plain directory and a git work tree -----------
cp -r "$sample" "$tmp/plain"
nested='class Outer:\n    class Inner:\n        pass\n'
finding='a nested class in the body of class Outer is not supported'
for kind in plain git; do
	proj=$tmp/$kind
	if [ "$kind" = git ]; then
		cp -r "$sample" "$proj"
		# files older than the index: their stat data gives the blob id
		find "$proj" -type f -exec touch -d '2020-01-01 00:00:00' {} +
		git -C "$proj" init -q
		git -C "$proj" add -A
		git -C "$proj" -c user.name=t -c user.email=t@t commit -qm init
	fi
	c=$tmp/cache-$kind
	scan "$tmp/$kind-1.json" "$tmp/$kind-1.stats" --cache-dir "$c" "$proj"
	scan "$tmp/$kind-2.json" "$tmp/$kind-2.stats" --cache-dir "$c" "$proj"
	check "$kind: warm scan $(cat "$tmp/$kind-2.stats")" \
		grep -qx "cache: $count hits, 0 misses" "$tmp/$kind-2.stats"
	check "$kind: the finding exists before the edit" \
		test "$(grep -c "$finding" "$tmp/$kind-1.json" || true)" -eq 0
	printf "$nested" >>"$proj/src/shapes/render.py"
	scan "$tmp/$kind-3.json" "$tmp/$kind-3.stats" --cache-dir "$c" "$proj"
	scan "$tmp/$kind-ref.json" "$tmp/$kind-ref.stats" --no-cache "$proj"
	check "$kind: edited file not re-analysed: $(cat "$tmp/$kind-3.stats")" \
		grep -qx "cache: $((count - 1)) hits, 1 misses" "$tmp/$kind-3.stats"
	check "$kind: the new finding is missing" grep -q "$finding" "$tmp/$kind-3.json"
	check "$kind: edited report differs from --no-cache" \
		cmp -s "$tmp/$kind-3.json" "$tmp/$kind-ref.json"
	check "$kind: wrote into the scanned tree" \
		test -z "$(find "$proj" -newer "$tmp/$kind-1.json" -type f ! -path '*/.git/*' \
			! -name render.py)"
done

# --- --rev: blobs by id --------------------------------------------------------
proj=$tmp/git
git -C "$proj" add -A
git -C "$proj" -c user.name=t -c user.email=t@t commit -qm nested
scan "$tmp/rev-1.json" "$tmp/rev-1.stats" --cache-dir "$tmp/cache-rev" --rev HEAD~1 "$proj"
scan "$tmp/rev-2.json" "$tmp/rev-2.stats" --cache-dir "$tmp/cache-rev" --rev HEAD~1 "$proj"
scan "$tmp/rev-3.json" "$tmp/rev-3.stats" --cache-dir "$tmp/cache-rev" --rev HEAD "$proj"
scan "$tmp/rev-ref.json" "$tmp/rev-ref.stats" --no-cache --rev HEAD "$proj"
check "--rev warm report differs" cmp -s "$tmp/rev-1.json" "$tmp/rev-2.json"
check "--rev warm scan: $(cat "$tmp/rev-2.stats")" \
	grep -qx "cache: $count hits, 0 misses" "$tmp/rev-2.stats"
check "--rev of the next commit: $(cat "$tmp/rev-3.stats")" \
	grep -qx "cache: $((count - 1)) hits, 1 misses" "$tmp/rev-3.stats"
check "--rev report differs from --no-cache" cmp -s "$tmp/rev-3.json" "$tmp/rev-ref.json"

# --- never inside the scanned tree --------------------------------------------
scan "$tmp/inside.json" "$tmp/inside.stats" --cache-dir "$tmp/plain/.cache/x" "$tmp/plain"
check "cache created inside the scanned tree" test ! -e "$tmp/plain/.cache"
check "no note for a cache inside the tree" grep -q "inside the scanned tree" "$tmp/stderr"
check "cache inside the tree changed the report" cmp -s "$tmp/plain-3.json" "$tmp/inside.json"

finish
