#!/usr/bin/env bash
# Scaling of the analysis on the pathological shapes of issue 17 (item 3):
# each shape at 1x, 10x and 100x its base size, one file, --jobs 1, no cache.
# Prints a Markdown table of wall time and peak RSS (/usr/bin/time -v) and the
# 100x/1x ratios; linear analysis gives a time ratio near 100.
#
#   bench/scaling/run.sh BIN [SHAPE...]    (TIMEOUT=seconds per run, default 300)
set -euo pipefail
bin=$(realpath "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/scout-scaling-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
timeout_s=${TIMEOUT:-300}
# shape and its 1x size (100x is the size the issue reported)
declare -A base=([attr_chain]=2000 [nested_lambda]=2000 [class_chain]=400 [defs]=800
	[chained_assign]=800 [continuations]=800 [class_attrs]=800 [assign_lines]=6000
	[elif_chain]=200)
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(attr_chain nested_lambda class_chain defs chained_assign
	continuations class_attrs assign_lines elif_chain)

measure() { # measure DIR -> "seconds kib status"
	local log=$tmp/time.log rc=0
	timeout "$timeout_s" /usr/bin/time -v -o "$log" "$bin" scan --no-cache --fail-on none \
		--jobs 1 --format json "$1" >"$tmp/out.json" 2>/dev/null || rc=$?
	if [ "$rc" = 124 ]; then
		echo "$timeout_s 0 timeout"
		return
	fi
	python3 - "$log" "$tmp/out.json" "$rc" <<'PY'
import json, re, sys
log = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", log)
secs = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1))
status = "exit %s" % sys.argv[3]
try:
    rep = json.load(open(sys.argv[2]))
    kinds = sorted({d["kind"] for d in rep["diagnostics"]})
    status = "analysed" if rep["modules"] else "no module"
    if kinds:
        status += " (" + ", ".join(kinds) + ")"
except Exception:
    pass
print("%.2f %d %s" % (secs, kib, status.replace(" ", "_")))
PY
}

echo "| shape | 1x units | 1x s | 10x s | 100x s | 100x/1x time | 1x MiB | 10x MiB | 100x MiB | 100x result |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for s in "${shapes[@]}"; do
	n=${base[$s]}
	row=()
	for mult in 1 10 100; do
		d=$tmp/$s-$mult
		mkdir -p "$d"
		python3 "$here/shapes.py" "$s" $((n * mult)) "$d/m.py"
		row+=("$(measure "$d")")
		rm -rf "$d"
	done
	read -r t1 m1 _ <<<"${row[0]}"
	read -r t10 m10 _ <<<"${row[1]}"
	read -r t100 m100 st100 <<<"${row[2]}"
	ratio=$(python3 -c "print('%.0f' % ($t100 / max($t1, 0.01)))")
	mib() { python3 -c "print('%.0f' % ($1 / 1024))"; }
	echo "| $s | $n | $t1 | $t10 | $t100 | $ratio | $(mib "$m1") | $(mib "$m10") | $(mib "$m100") | ${st100//_/ } |"
done
