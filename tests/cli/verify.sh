#!/usr/bin/env bash
# `verify` with a stand-in compiler (tests/cli/lib/fake-mypyc): one
# invocation per compile over the whole set, the shrink loop, predicted vs
# real, and every bad case ending in a clear report, a defined exit status
# and no scratch directory left: hang (timeout, process group killed),
# crash, garbage, megabytes, a silent failure, an exit 0 that built nothing,
# no compiler, no version, no scratch location, a path with spaces, --rev,
# --keep-build. The real mypyc runs in tests/verify/ (label mypyc).
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib/check.sh"
scratch verify
fake="$here/lib/fake-mypyc"
project=$(pwd)/fixtures/verify/standin
export TMPDIR="$tmp/scratch-parent"
mkdir -p "$TMPDIR"

# verify MODE ARGS...: runs the stand-in in MODE; $out the JSON report, $rc.
verify() {
	local mode=$1
	shift
	rc=0
	out=$(FAKE_MYPYC=$mode "$bin" verify --no-cache --mypyc "bash '$fake'" --format json "$@" 2>"$tmp/err") || rc=$?
}
# js EXPR: evaluates a Python expression over the report (v: its verification).
js() {
	printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin); v = r["verification"]
m = {x["path"]: x for x in v["modules"]}
sys.exit(0 if eval(sys.argv[1]) else 1)' "$1"
}
clean() { [ -z "$(ls -A "$TMPDIR")" ]; }

export FAKE_MYPYC_LOG="$tmp/log"
verify ok --set pkg/a.py,pkg/b.py "$project"
check "ok: exit 0" [ "$rc" -eq 0 ]
check "ok: verified, both modules" js 'v["status"] == "verified" and v["verified"] == ["pkg/a.py", "pkg/b.py"]'
check "ok: confirmed, agreement 1" js 'v["counts"]["confirmed"] == 2 and v["agreement"] == 1'
check "ok: compiler version read" js 'v["compiler"]["version"] == "1.0.1" and r["mypyc"]["version"].startswith("1.0.1")'
check "ok: one invocation over the set" [ "$(cat "$FAKE_MYPYC_LOG")" = "pkg/a.py pkg/b.py" ]
check "ok: scratch removed" clean
check "ok: the scanned tree is untouched" [ -z "$(find "$project" -name '*.so')" ]
unset FAKE_MYPYC_LOG

verify fail-b --set pkg/a.py,pkg/b.py "$project"
check "missed blocker: exit 1" [ "$rc" -eq 1 ]
check "missed blocker: partial, a verified" js 'v["status"] == "partial" and v["verified"] == ["pkg/a.py"]'
check "missed blocker: outcome, message and rule" js 'm["pkg/b.py"]["outcome"] == "missed-blocker" and m["pkg/b.py"]["error"]["kind"] == "mypyc" and m["pkg/b.py"]["error"]["line"] == 2 and m["pkg/b.py"]["rule"] == "class-body-unsupported-stmt"'
check "missed blocker: two compiles, b taken out" js 'len(v["rounds"]) == 2 and v["rounds"][0]["removed"] == ["pkg/b.py"] and v["rounds"][1]["ok"]'
check "missed blocker: agreement 1 of 2" js 'v["agreement"] == 0.5'
check "missed blocker: scratch removed" clean
gh=$(FAKE_MYPYC=fail-b "$bin" verify --no-cache --mypyc "bash '$fake'" --format github --set pkg/a.py,pkg/b.py "$project" 2>/dev/null)
check "github: an ::error on the refused line" grep -q "^::error title=mypyc 1.0.1%3A missed blocker%2C mypyc error,file=pkg/b.py,line=2::Unsupported statement in class body" <<<"$gh"
check "github: a closing notice" grep -q "^::notice title=mypyc-scout verify::partial: 1 of 2 modules" <<<"$gh"
verify fail-b --set pkg/a.py,pkg/b.py --fail-on none "$project"
check "--fail-on none: exit 0" [ "$rc" -eq 0 ]

verify type-b --set pkg/a.py,pkg/b.py "$project"
check "type error: not a miss, exit 0" [ "$rc" -eq 0 ]
check "type error: needs type fixes, with the code" js 'm["pkg/b.py"]["outcome"] == "needs-type-fixes" and m["pkg/b.py"]["error"]["code"] == "return-value" and m["pkg/b.py"]["error"]["kind"] == "mypy"'
verify type-b --set pkg/a.py,pkg/b.py --fail-on failure "$project"
check "type error: --fail-on failure exits 1" [ "$rc" -eq 1 ]

start=$SECONDS
verify hang --set pkg/a.py --timeout 2 "$project"
check "hang: exit 1" [ "$rc" -eq 1 ]
check "hang: stopped at the timeout" js 'v["status"] == "stopped" and v["rounds"][0]["timed_out"] and "timeout" in v["stop_reason"]'
check "hang: over within seconds" [ $((SECONDS - start)) -lt 20 ]
check "hang: its process group is gone" bash -c '! pgrep -f "^sleep 987$" >/dev/null'
check "hang: scratch removed" clean

FAKE_MYPYC=hang "$bin" verify --no-cache --mypyc "bash '$fake'" --set pkg/a.py --timeout 100 "$project" >/dev/null 2>"$tmp/err" &
pid=$!
sleep 3
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
check "SIGTERM: exit 2" [ "$rc" -eq 2 ]
check "SIGTERM: said" grep -q "interrupted" "$tmp/err"
check "SIGTERM: the compiler's group is gone" bash -c '! pgrep -f "^sleep 987$" >/dev/null'
check "SIGTERM: scratch removed" clean

verify crash --set pkg/a.py,pkg/b.py "$project"
check "crash: exit 1" [ "$rc" -eq 1 ]
check "crash: kind crash on a, with the exception" js 'v["rounds"][0]["errors"][0]["kind"] == "crash" and v["rounds"][0]["errors"][0]["path"] == "pkg/a.py" and "AssertionError" in v["rounds"][0]["errors"][0]["message"]'
check "crash: stopped when the crash is outside the set" js 'v["status"] == "stopped" and m["pkg/b.py"]["outcome"] == "unknown"'
check "crash: scratch removed" clean

verify garbage --set pkg/a.py "$project"
check "garbage: exit 1" [ "$rc" -eq 1 ]
check "garbage: stopped" js 'v["status"] == "stopped"'
check "garbage: kept verbatim" js 'len(v["rounds"][0]["unparsed"]) == 3 and "not a compiler line" in v["rounds"][0]["unparsed"][0]'
text=$(FAKE_MYPYC=garbage "$bin" verify --no-cache --mypyc "bash '$fake'" --set pkg/a.py "$project" 2>/dev/null)
check "garbage: the text report shows it" grep -q "output no pattern reads (3 lines" <<<"$text"

verify huge --set pkg/a.py,pkg/b.py "$project"
check "huge: exit 1" [ "$rc" -eq 1 ]
check "huge: output capped, the drop counted" js 'v["rounds"][0]["output_bytes"] > 8000000 and v["rounds"][0]["dropped_bytes"] > 6000000'
check "huge: the error at the end still read" js 'v["rounds"][0]["errors"][0]["path"] == "pkg/a.py"'
check "huge: report stays small" [ "${#out}" -lt 200000 ]

verify silent --set pkg/a.py "$project"
check "silent failure: exit 1, says the exit status" js 'v["status"] == "stopped" and "exit 3" in v["stop_reason"]'
verify lazy --set pkg/a.py "$project"
check "exit 0 without a build: stopped, said" js 'v["status"] == "stopped" and "built no extension" in v["rounds"][0]["unparsed"][0]'
check "stand-in bad cases: scratch removed" clean

verify noversion --set pkg/a.py "$project"
check "no version: exit 2" [ "$rc" -eq 2 ]
check "no version: says so" grep -q "printed no version" "$tmp/err"
check "missing compiler: exit 2" usage_error verify --mypyc /nonexistent/mypyc "$project"
rc=0
env PATH=/nonexistent "$bin" verify "$project" >/dev/null 2>"$tmp/err" || rc=$?
check "no mypyc on PATH: exit 2" [ "$rc" -eq 2 ]
check "no mypyc on PATH: said" grep -q "mypyc not found on PATH" "$tmp/err"
check "unclosed quote in --mypyc: exit 2" usage_error verify --mypyc "'python3 -m" "$project"
check "unknown --set module: exit 2" usage_error verify --mypyc "bash $fake" --set nosuch.module "$project"
check "bad --timeout: exit 2" usage_error verify --mypyc "bash $fake" --timeout 0 "$project"
check "bad --fail-on: exit 2" usage_error verify --mypyc "bash $fake" --fail-on blocker "$project"

rc=0
FAKE_MYPYC=ok TMPDIR="$tmp/nonexistent" "$bin" verify --no-cache --mypyc "bash '$fake'" --set pkg/a.py "$project" >/dev/null 2>"$tmp/err" || rc=$?
check "no scratch location: exit 2" [ "$rc" -eq 2 ]
check "no scratch location: said, with the fix" grep -q "cannot make a scratch directory.*set TMPDIR" "$tmp/err"

spaced="$tmp/my project"
cp -r "$project" "$spaced"
verify ok --set pkg/a.py "$spaced"
check "path with spaces (outside git): verified" js 'v["status"] == "verified" and v["files_copied"] == 3'
check "path with spaces: scratch removed" clean

keep="$tmp/kept build"
verify ok --set pkg/a.py --keep-build "$keep" "$project"
check "--keep-build: kept, with what was built" [ -f "$keep/pkg/a.fake.so" ]
check "--keep-build: reported" js 'v["kept"] is not None and v["kept"].endswith("kept build")'
check "--keep-build: a non-empty directory is refused" usage_error verify --mypyc "bash '$fake'" --set pkg/a.py --keep-build "$keep" "$project"

(
	git_repo "$tmp/repo" >/dev/null
	cp -r "$project/pkg" .
	printf 'build/\n' >.gitignore
	git add -A && git commit -qm one
	rm pkg/b.py
	mkdir -p build && printf 'x = 1\n' >build/ignored.py
)
verify ok --set pkg/a.py "$tmp/repo"
check "git work tree: tracked files still on disk, ignored ones left out" js 'v["files_copied"] == 3'
verify ok --rev HEAD --set pkg/a.py,pkg/b.py "$tmp/repo"
check "--rev: the commit's tree compiled" js 'v["status"] == "verified" and v["verified"] == ["pkg/a.py", "pkg/b.py"] and v["files_copied"] == 4'
check "git cases: scratch removed" clean

# The build environment: no module's fault, not a prediction miss.
verify env --set pkg/a.py,pkg/b.py "$project"
check "environment: exit 1" [ "$rc" -eq 1 ]
check "environment: its own status and kind, no miss" js 'v["status"] == "environment" and v["counts"]["missed-blocker"] == 0 and all(e["kind"] == "environment" for e in v["rounds"][0]["errors"]) and "project.license" in v["stop_reason"]'
check "environment: the exception line read" js 'any("invalid pyproject.toml config" in e["message"] for e in v["rounds"][0]["errors"])'
check "environment: said as such" grep -q "build environment failed (not a prediction miss" "$tmp/err"
verify nopackage --set pkg/a.py,pkg/b.py "$project"
check "missing package: exit 0 (not a miss)" [ "$rc" -eq 0 ]
check "missing package: b environment, a verified" js 'm["pkg/b.py"]["outcome"] == "environment" and m["pkg/b.py"]["error"]["kind"] == "environment" and v["verified"] == ["pkg/a.py"] and v["counts"]["environment"] == 1'
text=$(FAKE_MYPYC=nopackage "$bin" verify --no-cache --mypyc "bash '$fake'" --set pkg/a.py,pkg/b.py "$project" 2>/dev/null)
check "missing package: the text table says environment" grep -Eq "^  pkg/b.py +ready +failed +environment$" <<<"$text"
check "text: an aligned table with a header" grep -Eq "^  module +predicted  real       outcome$" <<<"$text"

# mypy plugins: the project's own ones are left out of the copy's config.
plug="$tmp/plugins"
cp -r "$project" "$plug"
mkdir -p "$plug/tools"
printf 'def plugin(version): return None\n' >"$plug/tools/plug.py"
printf 'def plugin(version): return None\n' >"$plug/pkg/checker.py"
printf '[mypy]\nstrict = True\nplugins = pkg.checker,\n    pydantic.mypy, tools/plug.py:entry\n\n[mypy-pkg.*]\nwarn_return_any = True\n' >"$plug/mypy.ini"
cp "$plug/mypy.ini" "$tmp/mypy.ini.orig"
ini_plugins() { python3 -c 'import configparser, sys; c = configparser.ConfigParser(); c.read(sys.argv[1]); print(c["mypy"].get("plugins", "-").strip() + "|" + c["mypy-pkg.*"]["warn_return_any"])' "$1"; }
FAKE_MYPYC_CONFIG="$tmp/seen.ini" verify ok --set pkg/a.py "$plug"
check "plugins: mypy reads only the installed one" [ "$(ini_plugins "$tmp/seen.ini")" = "pydantic.mypy|True" ]
check "plugins: reported, local ones left out" js '[(p["name"], p["local"], p["kept"]) for p in v["plugins"]] == [("pkg.checker", True, False), ("pydantic.mypy", False, True), ("tools/plug.py:entry", True, False)] and v["mypy_config"] == "mypy.ini" and not v["plugins_allowed"]'
check "plugins: the project's config untouched" cmp -s "$plug/mypy.ini" "$tmp/mypy.ini.orig"
text=$(FAKE_MYPYC=ok "$bin" verify --no-cache --mypyc "bash '$fake'" --set pkg/a.py "$plug" 2>/dev/null)
check "plugins: the text says how to keep them" grep -q "pkg.checker (the project's, left out).*--allow-plugins keeps" <<<"$(tr '\n' ' ' <<<"$text")"
FAKE_MYPYC_CONFIG="$tmp/seen.ini" verify ok --set pkg/a.py --allow-plugins "$plug"
check "--allow-plugins: the config as written" cmp -s "$tmp/seen.ini" "$tmp/mypy.ini.orig"
rm "$plug/mypy.ini"
printf '[project]\nname = "x"\n\n[tool.mypy]\nplugins = [\n  "pkg.checker",\n  "pydantic.mypy",\n]\nstrict = true\n' >"$plug/pyproject.toml"
FAKE_MYPYC_CONFIG="$tmp/seen.toml" verify ok --set pkg/a.py "$plug"
check "plugins in pyproject.toml: mypy reads only the installed one" [ "$(python3 -c 'import tomllib, sys; t = tomllib.load(open(sys.argv[1], "rb"))["tool"]["mypy"]; print(t["plugins"], t["strict"])' "$tmp/seen.toml")" = "['pydantic.mypy'] True" ]

# --import and --test: they run the project's code, in the copy.
verify ok --set pkg/a.py,pkg/b.py --import "$project"
check "--import: the stand-in's build is no extension: not-native, exit 1" js 'm["pkg/a.py"]["import"] == "not-native" and "imported from" in m["pkg/a.py"]["import_error"] and v["import_failures"] == 2 and v["imported"]'
check "--import: exit 1" [ "$rc" -eq 1 ]
# The stand-in's tests: b's failure only once b is built (the stand-in
# compiler leaves pkg/b.fake.so), the other one interpreted too; FAIL_ALWAYS
# makes b's fail interpreted as well.
cat >"$tmp/tests.sh" <<'EOS'
echo "$PYTHONPATH" >"$TESTS_SEEN"
if [ -e pkg/b.fake.so ] || [ -n "${FAIL_ALWAYS:-}" ]; then
echo "Traceback (most recent call last):"
echo "  File \"$PWD/tests/test_b.py\", line 9, in test_twice"
echo "  File \"$PWD/pkg/b.py\", line 2, in twice"
echo "TypeError: boom"
fi
echo "Traceback (most recent call last):"
echo "  File \"$PWD/tests/test_x.py\", line 3, in test_x"
echo "ValueError: elsewhere"
exit 1
EOS
TESTS_SEEN="$tmp/seen-path" verify ok --set pkg/a.py,pkg/b.py --test "bash '$tmp/tests.sh'" "$project"
check "--test: exit 1" [ "$rc" -eq 1 ]
check "--test: the failure tied to b's line, the other not tied" js 'v["test"]["exit_status"] == 1 and [(f["path"], f["line"], f["message"]) for f in v["test"]["failures"]] == [("pkg/b.py", 2, "TypeError: boom")] and v["test"]["unattributed"] == 1 and m["pkg/b.py"]["test_failures"] == 1'
check "--test: the interpreted baseline ran first, its failure not blamed on the build" js 'v["test"]["baseline"]["exit_status"] == 1 and v["test"]["baseline"]["exceptions"] == ["ValueError: elsewhere"] and v["test"]["new_failures"] == 1 and v["test"]["regressed"] and not v["test"]["failures"][0]["interpreted_too"]'
check "--test: the copy first on PYTHONPATH" grep -q "^$TMPDIR/" "$tmp/seen-path"
FAIL_ALWAYS=1 TESTS_SEEN="$tmp/seen-path" verify ok --set pkg/a.py,pkg/b.py --test "bash '$tmp/tests.sh'" "$project"
check "--test failing interpreted the same way: exit 0 (not mypyc's doing)" [ "$rc" -eq 0 ]
check "--test failing interpreted the same way: said per failure, not counted on b" js 'v["test"]["failures"][0]["interpreted_too"] and v["test"]["new_failures"] == 0 and not v["test"]["regressed"] and m["pkg/b.py"]["test_failures"] == 0 and v["runtime_failures"] == 0'
text=$(FAIL_ALWAYS=1 TESTS_SEEN="$tmp/seen-path" "$bin" verify --no-cache --mypyc "bash '$fake'" --set pkg/a.py,pkg/b.py --test "bash '$tmp/tests.sh'" "$project" 2>/dev/null || true)
check "--test failing interpreted the same way: the text says so" grep -q "^  pkg/b.py:2: TypeError: boom  (fails interpreted too: not mypyc's doing)$" <<<"$text"
check "--test: the text reports the baseline first" grep -q "^Tests interpreted first (the baseline): FAILED (exit 1)" <<<"$text"
check "--test, --import: scratch removed" clean
check "--test with an unclosed quote: exit 2" usage_error verify --mypyc "bash $fake" --test "'python3" "$project"
sarif=$(FAKE_MYPYC=fail-b "$bin" verify --no-cache --mypyc "bash '$fake'" --format sarif --set pkg/a.py,pkg/b.py "$project" 2>/dev/null)
check "sarif: the missed blocker a result on its line" python3 -c '
import json, sys
run = json.loads(sys.argv[1])["runs"][0]
r = [x for x in run["results"] if x["ruleId"].startswith("mypyc-verify/")]
rules = run["tool"]["driver"]["rules"]
ok = len(r) == 1 and r[0]["ruleId"] == "mypyc-verify/missed-blocker" and r[0]["level"] == "error"
ok = ok and r[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("verify/standin/pkg/b.py")
ok = ok and r[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
ok = ok and rules[r[0]["ruleIndex"]]["id"] == "mypyc-verify/missed-blocker"
p = run["properties"]["mypyc-scout/verification"]
sys.exit(0 if ok and p["version"] == "1.0.1" and p["status"] == "partial" else 1)' "$sarif"

# audit --verification: the verify JSON report read back.
FAKE_MYPYC=fail-b "$bin" verify --no-cache --mypyc "bash '$fake'" --format json --set pkg/a.py,pkg/b.py "$project" >"$tmp/verified.json" 2>/dev/null
md=$(SOURCE_DATE_EPOCH=0 "$bin" audit --no-cache --format markdown --verification "$tmp/verified.json" "$project")
check "audit --verification: the section, titled with version and date" grep -q "^### Verified with mypyc 1.0.1 on $(date -u +%Y-%m-%d)$" <<<"$md"
check "audit --verification: the miss in its table" grep -q '^| `pkg/b.py` | missed-blocker | Unsupported statement in class body |$' <<<"$md"
check "audit --verification: the agreement" grep -q "held for 50.0% of the modules" <<<"$md"
check "audit without it: no such section" bash -c '! "$1" audit --no-cache --format markdown "$2" | grep -q "Verified with"' _ "$bin" "$project"
check "audit --verification: a file that is no verify report: exit 2" usage_error audit --verification /dev/null "$project"

finish
