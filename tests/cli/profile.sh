#!/usr/bin/env bash
# Hotness from real profiles (fixtures/profiles, made by make_profiles.py from
# one deterministic workload): cProfile/pstats, speedscope (sampled and
# evented) and folded stacks give the same ranking, the pstats shares match
# the self times Python's own pstats read back (expected.tsv), and a corrupt
# profile is a usage error, never a crash; files are placed by path (README
# "Profiles"), never by a bare file name, and a tie is reported.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
dir=fixtures/profiles
scratch profile
for p in sample.prof sample.speedscope.json sample.evented.json sample.folded; do
	out=$("$bin" scan --fail-on none --format json --profile "$dir/$p" "$dir" | python3 -c '
import json, sys
r = json.load(sys.stdin)
mods = sorted(r["modules"], key=lambda m: (-m["hotness"], m["path"]))
print(r["hotness_source"], mods[0]["path"], mods[1]["path"], round(sum(m["hotness"] for m in mods), 3))')
	check "$p: source, ranking, shares sum to 1" [ "$out" = "profile:$p proj/geometry.py proj/text.py 1.0" ]
done
python3 - "$bin" "$dir" <<'PY' && ok || bad "pstats shares"
import csv, json, subprocess, sys
binary, d = sys.argv[1], sys.argv[2]
rows = [r for r in csv.reader(open(d + "/expected.tsv"), delimiter="\t") if r and not r[0].startswith("#")]
selfs = {f: float(v) for name, f, v in rows if name == "sample.prof" and f not in "*#"}
project = {f: v for f, v in selfs.items() if "/fixtures/profiles/" in f or f == "workload.py"}
total = sum(project.values())
r = json.loads(subprocess.run([binary, "scan", "--fail-on", "none", "--format", "json",
                               "--profile", d + "/sample.prof", d], capture_output=True, text=True, check=True).stdout)
got = {m["path"]: m["hotness"] for m in r["modules"]}
want = {"proj/geometry.py": selfs[[f for f in selfs if f.endswith("proj/geometry.py")][0]] / total}
outside = 1 - total / float([v for name, f, v in rows if name == "sample.prof" and f == "*"][0])
assert abs(got["proj/geometry.py"] - want["proj/geometry.py"]) < 1e-4, (got, want)
assert abs(r["profile_outside"] - outside) < 1e-3, (r["profile_outside"], outside)
pl = r["profile"]
assert r["profile_outside"] == pl["outside"], (r["profile_outside"], pl)
assert abs(pl["shipped"] + pl["not_shipped"] + pl["ambiguous"] + pl["outside"] - 1) < 1e-3, pl
assert pl["ambiguous"] == 0 and pl["ambiguous_files"] == [], pl
PY

# A crafted folded profile over a small tree: the stdlib's tokenize.py is not
# the project's pgen2/tokenize.py, an installed copy counts, test time is
# project time that does not ship, and a relative util.py that two modules
# could be is reported as not placed with both candidates.
mkdir -p "$tmp/p/pgen2" "$tmp/p/a" "$tmp/p/b" "$tmp/p/tests"
for f in pgen2/__init__.py pgen2/tokenize.py a/util.py b/util.py tests/test_a.py; do
	printf 'def f(x: int) -> int:\n    return x\n' >"$tmp/p/$f"
done
{
	echo "main (/usr/lib/python3.11/tokenize.py:1) 40"
	echo "main (/venv/lib/python3.11/site-packages/pgen2/tokenize.py:1) 30"
	echo "main ($tmp/p/tests/test_a.py:1) 20"
	echo "main (util.py:1) 10"
} >"$tmp/prof.folded"
"$bin" scan --no-cache --fail-on none --profile "$tmp/prof.folded" "$tmp/p" >"$tmp/out"
check "text: the four shares" grep -qF "(of the profiled time: 30.0% in shipped modules, 20.0% in project files that do not ship, 10.0% not placed (ambiguous), 40.0% outside the project)" "$tmp/out"
check "text: the tie and its candidates" grep -qxF "profile: 10.0% in util.py not placed: it matches a/util.py and b/util.py equally" "$tmp/out"
got=$("$bin" scan --no-cache --fail-on none --format json --profile "$tmp/prof.folded" "$tmp/p" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print({m["path"]: m["hotness"] for m in r["modules"] if m["hotness"]}, r["profile"]["ambiguous_files"])')
check "json: hotness and the tie ($got)" [ "$got" = "{'pgen2/tokenize.py': 1} [{'file': 'util.py', 'share': 0.1, 'modules': ['a/util.py', 'b/util.py']}]" ]
head -c 200 "$dir/sample.prof" >"$tmp/truncated.prof"
rc=0; "$bin" scan --profile "$tmp/truncated.prof" "$dir" >/dev/null 2>"$tmp/err" || rc=$?
check "truncated profile: exit 2" [ "$rc" -eq 2 ]
check "truncated profile: a one-line reason" [ "$(wc -l <"$tmp/err")" -eq 1 ]
rc=0; "$bin" scan --profile "$tmp/missing.prof" "$dir" >/dev/null 2>&1 || rc=$?
check "missing profile: exit 2" [ "$rc" -eq 2 ]
finish
