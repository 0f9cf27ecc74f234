#!/usr/bin/env bash
# Runs the scan step of action.yml (scripts/ci-scan.sh) against a throw-away
# repository: main has an old blocker, a feature commit adds one new blocker
# to a planned module. Exactly one ::error annotation, on that line; exit 1
# (the default --fail-on blocker); the job summary appended to
# $GITHUB_STEP_SUMMARY.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
scan_step=$(realpath scripts/ci-scan.sh)
scratch action
git_repo "$tmp/repo"
mkdir -p pkg
: >pkg/__init__.py
printf 'def total(xs: list[int]) -> int:\n    n = 0\n    for x in xs:\n        n += x\n    return n\n' >pkg/core.py
printf 'def run() -> None:\n    class Local:\n        pass\n' >pkg/legacy.py
git add -A
git commit -qm base
git checkout -qb feature
printf '\n\ndef first(xs: list[int]) -> int:\n    for x in xs:\n        with open("f") as f:\n            break\n    return 0\n' >>pkg/core.py
git commit -qam feature
export GITHUB_STEP_SUMMARY=$tmp/summary.md
echo "existing step output" >"$GITHUB_STEP_SUMMARY"
rc=0
bash "$scan_step" "$bin" main -- . >"$tmp/out" 2>"$tmp/err" || rc=$?
check "exit 1 on the new blocker" [ "$rc" -eq 1 ]
check "exactly one error annotation" [ "$(grep -c '^::error' "$tmp/out")" -eq 1 ]
check "on the changed line" grep -q '^::error title=break-continue-in-with.*,file=pkg/core.py,line=11,' "$tmp/out"
check "summary appended, not replaced" grep -qx "existing step output" "$GITHUB_STEP_SUMMARY"
check "summary has the counts" grep -q "^## mypyc-scout" "$GITHUB_STEP_SUMMARY"
check "summary lists the new blocker" grep -q 'pkg/core.py:11` \*\*break-continue-in-with\*\*' "$GITHUB_STEP_SUMMARY"
check "summary does not list the old one (filtered by --diff)" bash -c "! grep -q 'nested-class' '$GITHUB_STEP_SUMMARY'"
[ "$fail" -eq 0 ] || { cat "$tmp/out" "$tmp/err" "$GITHUB_STEP_SUMMARY" >&2; }
finish
