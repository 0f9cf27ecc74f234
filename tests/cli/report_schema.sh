#!/usr/bin/env bash
# docs/report-schema.md is the JSON report's contract: every key the report
# emits on fixtures/projects/sample, at the top level and at every depth
# (`plan.compile[].phase`), must appear at the same place in one of the
# document's JSON examples, so a field cannot ship undocumented.
set -euo pipefail
bin=$1
"$bin" scan --no-cache --fail-on none --format json fixtures/projects/sample | python3 -c '
import json, re, sys


def paths(value, where, out):
    """Every key of value as a dotted path; list items share one `[]` step."""
    if isinstance(value, dict):
        for key, item in value.items():
            out.add(where + key)
            paths(item, where + key + ".", out)
    elif isinstance(value, list):
        for item in value:
            paths(item, where.rstrip(".") + "[].", out)
    return out


doc = open("docs/report-schema.md").read()
documented = set()
for example in re.findall(r"```json\n(.*?)```", doc, re.S):
    paths(json.loads(example), "", documented)
report = json.load(sys.stdin)
emitted = paths(report, "", set())

checks = {
    "the report has findings to check": any(m["findings"] for m in report["modules"]),
    "the document has JSON examples": "schema_version" in documented,
}
for key in report:
    checks["top-level key %s is documented" % key] = key in documented
for path in sorted(emitted):
    if "." in path or "[" in path:
        checks["%s is documented" % path] = path in documented
failed = [k for k, v in checks.items() if not v]
for k in failed:
    print("FAIL:", k, "(add it to a JSON example in docs/report-schema.md)")
print("%d passed, %d failed" % (len(checks) - len(failed), len(failed)))
sys.exit(1 if failed else 0)
'
