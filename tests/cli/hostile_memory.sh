#!/usr/bin/env bash
# Memory is bounded by the file's size: a 60 MB file of `x = 1` lines (under
# the 64 MiB read limit; it took 16 GB) is refused by the per-file token
# budget with a too-large diagnostic, inside 1 GB of address space. Out of
# memory exits 2 with a message, whoever allocates (tree-sitter included):
# never 1, the findings status, and never an abort.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-memory-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
if grep -q __asan_init "$bin"; then
	echo "skipped: address-space limits do not work under ASan"
	exit 0
fi
mkdir -p "$tmp/big" "$tmp/oom"
python3 -c "open('$tmp/big/m.py', 'w').write('x = 1\n' * 10_000_000)"
printf 'def f(x: int) -> int:\n    return x\n' >"$tmp/big/ok.py"
(
	ulimit -v 1000000
	timeout 120 "$bin" scan --no-cache --fail-on none --format json "$tmp/big" >"$tmp/big.json"
)
python3 - "$tmp/big.json" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
assert [m["path"] for m in rep["modules"]] == ["ok.py"], rep["modules"]
d = [d for d in rep["diagnostics"] if d["path"] == "m.py"]
assert d and d[0]["kind"] == "too-large" and "tokens" in d[0]["message"], d
PY

python3 -c "open('$tmp/oom/m.py', 'w').write('x = 1\n' * 300_000)"
for limit in 200000 300000 400000; do
	rc=0
	(
		ulimit -v $limit
		"$bin" scan --no-cache --jobs 1 "$tmp/oom" >/dev/null 2>"$tmp/err"
	) || rc=$?
	if [ "$rc" = 0 ]; then
		continue # it fitted
	fi
	if [ "$rc" != 2 ] || ! grep -q "out of memory" "$tmp/err"; then
		echo "under ulimit -v $limit: exit $rc, $(cat "$tmp/err")" >&2
		exit 1
	fi
done
