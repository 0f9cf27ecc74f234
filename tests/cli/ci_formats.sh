#!/usr/bin/env bash
# The CI formats against the real tools, on a tree whose file names and
# messages are hostile (%, CR, LF, ':' and ',', quotes, <>&, control
# characters, invalid UTF-8), from the npm registry only (tests/tools,
# installed with `npm ci`, versions pinned in its package-lock.json):
#   1. github: our escaping of tests/tools/hostile-strings.hex, through the
#      whole reporter (test_ci_formats --github-hostile), is byte for byte what
#      @actions/core's core.error/core.warning print for the same strings;
#   2. github: `scan --format github` of the hostile tree is byte for byte what
#      @actions/core prints when it replays the `--format json` report;
#   3. sarif: the official validator (@microsoft/sarif-multitool `validate`,
#      SARIF and GitHub rule sets, URL reachability checks off so it stays
#      offline) reports no error and no warning, on the sample project and on
#      the hostile tree; the URIs decode back to the paths;
#   4. junit parses as XML with one test case per module (failures: the
#      blockers that hold); gitlab and
#      json-lines parse and carry the JSON report's findings.
# Usage: ci_formats.sh BINARY   (from the source root; the unit-test binary is
# looked up next to it, in tests/, or in $SCOUT_UNIT_DIR)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
tools=$PWD/tests/tools
unit=${SCOUT_UNIT_DIR:-$(dirname "$bin")/tests}/test_ci_formats
scratch ci-formats

for tool in node npm python3; do
	command -v "$tool" >/dev/null || {
		echo "FAIL: $tool is needed (scripts/setup-deps.sh --test installs it)" >&2
		exit 1
	}
done
[ -x "$unit" ] || {
	echo "FAIL: no unit-test binary at $unit (build the test_ci_formats target)" >&2
	exit 1
}
npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >"$tmp/npm.log" 2>&1 || {
	cat "$tmp/npm.log" >&2
	echo "FAIL: npm ci --prefix tests/tools (needs the npm registry)" >&2
	exit 1
}
multitool=$(cd "$tools" && node -p "require('@microsoft/sarif-multitool')")
[ -x "$multitool" ] || chmod u+x "$multitool" # its postinstall, when npm skipped it

# ---- the hostile tree -------------------------------------------------------
t=$tmp/tree
mkdir -p "$t/pkg"
python3 - "$t/pkg" <<'PY'
import os, sys
d = os.fsencode(sys.argv[1])
body = b'def f(x):\n    return x\n\nclass C:\n    __deletable__ = ["a%b:c,d<e>&\\"q"]\n'
names = [b'a%25b:c,d.py', b'cr\rlf\nname.py', b'quote"\'<&>.py', b'sp ace#?.py', b'bad\xff.py',
         b'ctl\x01\x1b.py', 'é日本.py'.encode(), b'pct%0A%3A.py', b'x\n::error file=evil.py::pwned.py']
for n in names:
    open(os.path.join(d, n), 'wb').write(body)
# a message with CR, LF and %0A in it (a triple-quoted literal the rule quotes)
open(os.path.join(d, b'crlf_message.py'), 'wb').write(
    b'class D:\n    __deletable__ = ["""x\r\ny\nz%0A:,"""]\n')
open(os.path.join(d, b'broken.py'), 'wb').write(b'def f(:\n  pass\n')
open(os.path.join(d, b'not_utf8.py'), 'wb').write(b'x = "\xff"\n')
open(os.path.join(d, b'__init__.py'), 'wb').write(b'')
# findings that assume another module compiled: one that holds, one that does
# not (the unicode module is blocked on its own)
open(os.path.join(d, b'plain_base.py'), 'wb').write(b'class Base:\n    pass\n')
open(os.path.join(d, b'subclasses.py'), 'wb').write(
    'import functools\n\nfrom pkg.plain_base import Base\nfrom pkg.é日本 import C\n\n\n'
    '@functools.total_ordering\nclass D(C):\n    pass\n\n\n'
    '@functools.total_ordering\nclass E(Base):\n    pass\n'.encode())
PY
scan() { # scan FORMAT TREE > OUT
	"$bin" scan --fail-on none --jobs 2 --format "$1" "$2"
}
scan json "$t" >"$tmp/report.json"
"$bin" rules --format json >"$tmp/rules.json"

# ---- 1, 2: GitHub escaping against @actions/core --------------------------------
"$unit" --github-hostile "$tools/hostile-strings.hex" >"$tmp/ours.txt"
(cd "$tools" && node actions-escape.mjs hostile hostile-strings.hex) >"$tmp/theirs.txt"
if cmp "$tmp/ours.txt" "$tmp/theirs.txt"; then
	ok "github escaping of $(grep -vc '^#' "$tools/hostile-strings.hex") hostile strings is @actions/core's ($(wc -l <"$tmp/ours.txt") commands, byte for byte)"
else
	diff -a "$tmp/theirs.txt" "$tmp/ours.txt" | head -20 >&2
	bad "github escaping differs from @actions/core's (< @actions/core, > ours)"
fi
scan github "$t" >"$tmp/github.txt"
(cd "$tools" && node actions-escape.mjs replay "$tmp/report.json" "$tmp/rules.json") >"$tmp/github-core.txt"
if [ -s "$tmp/github.txt" ] && cmp "$tmp/github.txt" "$tmp/github-core.txt"; then
	ok "--format github on the hostile tree is @actions/core's output ($(wc -l <"$tmp/github.txt") annotations)"
else
	diff -a "$tmp/github-core.txt" "$tmp/github.txt" | head -20 >&2
	bad "--format github differs from @actions/core's replay of the JSON report"
fi

# ---- 3: SARIF, the official validator ----------------------------------------------
validate() { # validate NAME SARIF
	local log=$tmp/$1.validation.sarif
	if ! "$multitool" validate "$2" --output "$log" --log ForceOverwrite --rule-kind "Sarif;Gh" \
		--config "$tools/sarif-validate.config.xml" >"$tmp/$1.validate.out" 2>&1; then
		cat "$tmp/$1.validate.out" >&2
		bad "sarif-multitool validate did not run on $1"
		return
	fi
	if python3 - "$log" "$1" <<'PY'; then
import collections, json, sys
log = json.load(open(sys.argv[1], encoding='utf-8-sig'))
levels = collections.Counter()
for run in log['runs']:
    for r in run.get('results', []):
        levels[r.get('level', 'warning')] += 1
        if r.get('level', 'warning') in ('error', 'warning'):
            print(r['ruleId'], r['message'].get('text', r['message'].get('arguments')), file=sys.stderr)
print(f"sarif-multitool on {sys.argv[2]}: {levels['error']} errors, {levels['warning']} warnings, {levels['note']} notes")
sys.exit(1 if levels['error'] or levels['warning'] else 0)
PY
		ok "$1 SARIF validates"
	else
		bad "$1 SARIF: sarif-multitool reports errors or warnings (above)"
	fi
}
scan sarif fixtures/projects/sample >"$tmp/sample.sarif"
scan sarif "$t" >"$tmp/hostile.sarif"
validate sample "$tmp/sample.sarif"
validate hostile "$tmp/hostile.sarif"

# ---- 3, 4: every format carries the JSON report's findings ------------------------
scan gitlab "$t" >"$tmp/gitlab.json"
scan junit "$t" >"$tmp/junit.xml"
scan json-lines "$t" >"$tmp/lines.jsonl"
if python3 - "$tmp" <<'PY'; then
import json, os, re, sys, urllib.parse
import xml.etree.ElementTree as ET
tmp = sys.argv[1]
report = json.load(open(os.path.join(tmp, 'report.json'), encoding='utf-8'))
findings = [(m, f) for m in report['modules'] for f in m['findings']]
errors = []
def expect(cond, what):
    if not cond:
        errors.append(what)

# SARIF: one result per finding, URIs that decode to the paths
sarif = json.load(open(os.path.join(tmp, 'hostile.sarif'), encoding='utf-8'))
results = sarif['runs'][0]['results']
expect(len(results) == len(findings), 'sarif: one result per finding')
for r, (m, f) in zip(results, findings):
    uri = r['locations'][0]['physicalLocation']['artifactLocation']['uri']
    expect(re.fullmatch(r"[A-Za-z0-9\-._~/%]*", uri) is not None, f'sarif: URI characters: {uri!r}')
    decoded = urllib.parse.unquote_to_bytes(uri).decode('utf-8', 'replace')
    expect(decoded == m['path'], f'sarif: {uri!r} decodes to {decoded!r}, not {m["path"]!r}')
    expect(r['ruleId'] == f['rule'], 'sarif: ruleId')

# GitLab: the required keys, unique fingerprints, the paths; one more info
# issue for each module of verdict unknown (broken.py)
gitlab = json.load(open(os.path.join(tmp, 'gitlab.json'), encoding='utf-8'))
unknown = [m['path'] for m in report['modules'] if m['verdict'] == 'unknown']
gaps = [i for i in gitlab if i['check_name'] == 'grammar-gap']
expect(unknown == ['pkg/broken.py'], f'a module of verdict unknown: {unknown}')
expect([(i['location']['path'], i['severity']) for i in gaps] == [(p, 'info') for p in unknown],
       'gitlab: an info issue per module of verdict unknown')
expect(len({i['fingerprint'] for i in gitlab}) == len(gitlab), 'gitlab: unique fingerprints')
gitlab = [i for i in gitlab if i['check_name'] != 'grammar-gap']
expect(len(gitlab) == len(findings), 'gitlab: one issue per finding')
for i, (m, f) in zip(gitlab, findings):
    expect(all(i.get(k) for k in ('description', 'check_name', 'fingerprint', 'severity')),
           f'gitlab: required keys in {i}')
    expect(i['severity'] in ('info', 'minor', 'major', 'critical', 'blocker'), 'gitlab: severity')
    expect(i['location']['path'] == m['path'] and i['location']['lines']['begin'] == f['line'],
           'gitlab: location')
    expect(i['description'] == f['message'] and i['check_name'] == f['rule'], 'gitlab: text')

# json-lines: one parsable line per finding
lines = open(os.path.join(tmp, 'lines.jsonl'), encoding='utf-8').read().split('\n')
expect(lines[-1] == '', 'json-lines: ends with a newline')
lines = [json.loads(l) for l in lines[:-1]]
expect(len(lines) == len(findings), 'json-lines: one line per finding')
for l, (m, f) in zip(lines, findings):
    expect(l['path'] == m['path'] and l['module'] == m['module'], 'json-lines: path, module')
    expect(all(l[k] == f[k] for k in ('rule', 'category', 'line', 'column', 'end_line',
                                      'end_column', 'message', 'fix')), f'json-lines: {l}')

# JUnit: well-formed XML, one test case per module, a failure per blocker
def xml_text(s):  # what our XML escaping keeps of a string: C0 controls become U+FFFD
    return re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1f]', '\ufffd', s)
suite = ET.parse(os.path.join(tmp, 'junit.xml')).getroot().find('testsuite')
cases = {c.get('name'): c for c in suite.findall('testcase')}
for m in report['modules']:
    c = cases.get(xml_text(m['path']))
    expect(c is not None, f'junit: a test case for {m["path"]!r}')
    if c is not None:
        blockers = [f for f in m['findings'] if f['category'] == 'blocker' and f.get('holds', True)]
        expect(len(c.findall('failure')) == len(blockers), f'junit: failures of {m["path"]!r}')
        expect(len(c.findall('skipped')) == (m['verdict'] == 'unknown'),
               f'junit: skipped for verdict unknown, {m["path"]!r}')
        expect(c.get('classname') == xml_text(m['module']), 'junit: classname')
failed = sum(1 for m in report['modules']
             if any(f['category'] == 'blocker' and f.get('holds', True) for f in m['findings']))
expect(int(suite.get('failures')) == failed, 'junit: failures count')
expect(int(suite.get('skipped')) == len(unknown), 'junit: skipped count')
for e in errors:
    print(e, file=sys.stderr)
print(f'{len(findings)} findings in sarif, gitlab, json-lines; {len(cases)} junit test cases')
sys.exit(1 if errors else 0)
PY
	ok "sarif, gitlab, junit and json-lines carry the JSON report's findings"
else
	bad "sarif, gitlab, junit or json-lines disagree with the JSON report (above)"
fi

finish
