#!/usr/bin/env bash
# Inline suppressions: `# mypyc-scout: ignore[ids]` and a bare `ignore` hide
# the findings that start on their line; --report-unused-ignores reports the
# comments that hide nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
findings() {
	"$bin" scan --fail-on none --format json "$@" fixtures/suppressions | python3 -c '
import json, sys
for m in json.load(sys.stdin)["modules"]:
    for f in m["findings"]:
        print("%d:%s" % (f["line"], f["rule"]))'
}
check "only the wrongly-suppressed finding shows" [ "$(findings)" = "12:untyped-function" ]
check "--report-unused-ignores reports the two stale comments" \
	[ "$(findings --report-unused-ignores | tr '\n' ' ')" = "12:untyped-function 12:unused-suppression 16:unused-suppression " ]
finish
