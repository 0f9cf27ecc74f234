#!/usr/bin/env bash
# The shapes of issue 17 item 3 (bench/scaling/shapes.py) at sizes where the
# analysis, quadratic in them, took minutes: each file is now analysed in a
# second or two (linear: index look-ups, not re-walks), so the scan of all of
# them ends well inside a generous bound and every file gets its result.
# bench/scaling/run.sh measures the scaling itself. The bound is on CPU time
# (ulimit -t), which a loaded machine does not stretch as it does wall time:
# about 7 s in a Release build, 3x that under ASan; the quadratic analysis
# took minutes. A wall-clock timeout stays only as a guard against a hang.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
shapes=$here/../../bench/scaling/shapes.py
tmp=$(mktemp -d /tmp/scout-scaling-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/t"
while read -r shape n; do
	python3 "$shapes" "$shape" "$n" "$tmp/t/$shape.py"
done <<'SIZES'
nested_lambda 60000
class_chain 10000
defs 40000
chained_assign 80000
continuations 80000
class_attrs 80000
SIZES
start=$(date +%s)
(ulimit -t 120 && exec timeout 900 "$bin" scan --no-cache --fail-on none --format json --jobs 2 "$tmp/t" >"$tmp/out.json")
echo "scanned in $(($(date +%s) - start)) s"
python3 - "$tmp/out.json" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
paths = sorted(m["path"] for m in rep["modules"])
assert len(paths) == 6, (paths, rep["diagnostics"])
PY
