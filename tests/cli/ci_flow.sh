#!/usr/bin/env bash
# The CI flow on a throw-away repository: main has an old blocker; a feature
# branch adds one new blocker to a planned module. --diff main shows only the
# new one, the baseline written on main hides the old one and not the new one,
# and the exit code follows --fail-on.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
scratch ci
git_repo "$tmp/repo"
mkdir -p pkg
: >pkg/__init__.py
cat >pkg/core.py <<'PY'
def total(xs: list[int]) -> int:
    n = 0
    for x in xs:
        n += x
    return n
PY
cat >pkg/legacy.py <<'PY'
def run() -> None:
    class Local:  # an old blocker, known on main
        pass
PY
git add -A
git commit -qm base
"$bin" scan --fail-on none --write-baseline "$tmp/baseline.json" . >/dev/null
git checkout -qb feature
cat >>pkg/core.py <<'PY'


def helper(xs: list[int]) -> int:
    for x in xs:
        try:
            if x:
                break
        finally:
            pass
    return 0
PY
git commit -qam "feature: adds a blocker"
blockers() { # blockers ARGS...: "path:line:rule" of the blockers shown
	"$bin" scan --fail-on none --format json "$@" . | python3 -c '
import json, sys
for m in json.load(sys.stdin)["modules"]:
    for f in m["findings"]:
        if f["category"] == "blocker":
            print("%s:%d:%s" % (m["path"], f["line"], f["rule"]))'
}
all=$(blockers)
check "without filters both blockers show" [ "$(echo "$all" | wc -l)" -eq 2 ]
check "--diff main shows only the new blocker" [ "$(blockers --diff main)" = "pkg/core.py:12:break-continue-in-try-finally" ]
check "--baseline hides the old blocker, not the new" [ "$(blockers --baseline "$tmp/baseline.json")" = "pkg/core.py:12:break-continue-in-try-finally" ]
echo "# work-tree edit" >>pkg/legacy.py
check "an unrelated edit keeps the old finding hidden" [ "$(blockers --baseline "$tmp/baseline.json")" = "pkg/core.py:12:break-continue-in-try-finally" ]
git checkout -q pkg/legacy.py
rc=0; "$bin" scan --diff main . >/dev/null 2>&1 || rc=$?
check "--diff main with the new blocker exits 1" [ "$rc" -eq 1 ]
rc=0; "$bin" scan --diff main --ignore break-continue-in-try-finally . >/dev/null 2>&1 || rc=$?
check "nothing new: exit 0 although main has a blocker" [ "$rc" -eq 0 ]
rc=0; "$bin" scan --diff main --fail-on none . >/dev/null 2>&1 || rc=$?
check "--fail-on none: exit 0" [ "$rc" -eq 0 ]
verdict=$("$bin" scan --fail-on none --format json --diff main . | python3 -c 'import json,sys; print({m["path"]: m["verdict"] for m in json.load(sys.stdin)["modules"]}["pkg/legacy.py"])')
check "--diff keeps verdicts for the whole repository" [ "$verdict" = blocked ]
check "--rev main reads main's tree, not the work tree" [ "$(blockers --rev main)" = "pkg/legacy.py:2:nested-class" ]
main_commit=$(git rev-parse main)
check "--rev names the commit as the source" [ "$("$bin" scan --fail-on none --format json --rev main . | python3 -c 'import json,sys; print(json.load(sys.stdin)["source"])')" = "rev:$main_commit" ]
rc=0; "$bin" scan --diff no-such-branch . >/dev/null 2>"$tmp/err" || rc=$?
check "--diff with an unknown base: exit 2" [ "$rc" -eq 2 ]
finish
