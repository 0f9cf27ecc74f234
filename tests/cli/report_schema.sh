#!/usr/bin/env bash
# docs/report-schema.md is the JSON report's contract: every key the report
# emits on fixtures/projects/sample and fixtures/projects/assumes (findings
# across modules), at the top level and at every depth
# (`plan.compile[].phase`), must appear at the same place in one of the
# document's JSON examples, so a field cannot ship undocumented; and the
# schema_version the report states is the one the document's title names.
# verify's `verification` section is checked on a stand-in compiler's run.
set -euo pipefail
bin=$1
{
	for project in sample assumes; do
		"$bin" scan --no-cache --fail-on none --format json "fixtures/projects/$project"
	done
	# verify's section, with the stand-in compiler: a module taken out
	FAKE_MYPYC=fail-b "$bin" verify --no-cache --fail-on none --format json \
		--mypyc "bash '$PWD/tests/cli/lib/fake-mypyc'" --set pkg/a.py,pkg/b.py fixtures/verify/standin
} | python3 -c '
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
decoder, text, reports = json.JSONDecoder(), sys.stdin.read(), []
at = 0
while text[at:].strip():
    report, end = decoder.raw_decode(text, at + len(text[at:]) - len(text[at:].lstrip()))
    reports.append(report)
    at = end
emitted = set()
for report in reports:
    paths(report, "", emitted)
title = re.search(r"schema version (\d+)", doc.splitlines()[0])

checks = {
    "the reports have findings to check": all(any(m["findings"] for m in r["modules"])
                                              for r in reports if "verification" not in r),
    "a verification is checked": "verification.rounds[].errors[].kind" in emitted,
    "a finding assumes other modules": "modules[].findings[].assumes" in emitted,
    "the document has JSON examples": "schema_version" in documented,
    "the title names the schema version the report states":
        title is not None and all(r["schema_version"] == int(title.group(1)) for r in reports),
}
for key in sorted({k for r in reports for k in r}):
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
