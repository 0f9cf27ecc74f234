#!/usr/bin/env bash
# A file edited between discovery and analysis must not poison the cache.
# The race is simulated in the index: it records content A (with the stat data
# of the file on disk) while the disk holds content B of the same size. The
# scan analyses B; a later scan of A, with the index agreeing, must report A,
# not B's findings stored under A's blob id.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-race-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
t=$tmp/repo
mkdir -p "$t"
cd "$t"
git init -q .
git config user.email t@t && git config user.name t
printf 'def f(x: int) -> int:\n    return x\n' >a.py        # A: ready
printf 'class A:\n    class B: pass\n' >b_content     # B: a blocker
python3 - <<'PY'
a = open("a.py").read(); b = open("b_content").read()
b = b + "#" * (len(a) - len(b) - 1) + "\n"   # same size as A
assert len(a) == len(b), (len(a), len(b))
open("b_content", "w").write(b)
PY
oid_a=$(git hash-object -w a.py)
cp b_content a.py && rm b_content
touch -d '2020-01-01' a.py
git add a.py
# the index entry now has B's stat data and B's id: give it A's id
python3 - "$oid_a" <<'PY'
import hashlib, sys
data = bytearray(open(".git/index", "rb").read())
assert data[:4] == b"DIRC" and int.from_bytes(data[8:12], "big") == 1
data[12 + 40:12 + 60] = bytes.fromhex(sys.argv[1])
body = bytes(data[:-20])
open(".git/index", "wb").write(body + hashlib.sha1(body).digest())
PY
sleep 1 && touch .git/index   # the entry is not racily clean
cache=$tmp/cache
"$bin" scan --fail-on none --format json --cache-dir "$cache" . >"$tmp/raced.json"
blockers() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["findings"]["blocker"])' "$1"; }
[ "$(blockers "$tmp/raced.json")" = 1 ]   # the bytes on disk were analysed
# the edit is undone: disk and index both hold A
git cat-file -p "$oid_a" >a.py
touch -d '2020-01-01' a.py
git add a.py
sleep 1 && touch .git/index
"$bin" scan --fail-on none --format json --cache-dir "$cache" . >"$tmp/warm.json"
"$bin" scan --fail-on none --format json --no-cache . >"$tmp/cold.json"
if [ "$(blockers "$tmp/warm.json")" != 0 ]; then
	echo "the warm scan reports findings of bytes no longer on disk" >&2
	exit 1
fi
cmp "$tmp/warm.json" "$tmp/cold.json"
