#!/usr/bin/env bash
# Grammar gaps are not the user's syntax errors (docs/grammar-gaps.md):
#   fixtures/grammar-gaps/valid/*.py    valid Python that the bundled grammar
#     cannot parse: verdict unknown for mypyc 1.0.1 (the newest mypyc may block
#     it through a rule named by `# newest-mypyc: RULE`), no syntax-error
#     finding, a grammar-gap diagnostic at `# line: N`; each parses with every
#     Python 3 at hand from the `# python: X.Y` it names on
#   fixtures/grammar-gaps/certain/*.py  code no Python 3 parses: verdict
#     blocked, one syntax-error finding at `# line: N`; no Python 3 at hand
#     parses it
# and docs/grammar-gaps.md names every fixture (and no missing one). Pythons
# at hand: python3 and any python3.N on PATH; only ast.parse, never running
# the fixtures.
set -euo pipefail
bin=$1
pythons=$(
	for p in python3 python3.{8..20}; do
		if command -v "$p" >/dev/null 2>&1; then
			"$p" -c 'import sys; print(sys.executable, "%d.%d" % sys.version_info[:2])' 2>/dev/null || true
		fi
	done | sort -u
)
export PYTHONS=$pythons
python3 - "$bin" <<'EOF'
import glob, json, os, re, subprocess, sys

binary = sys.argv[1]
pythons = sorted({v: p for p, v in (line.split() for line in os.environ["PYTHONS"].splitlines()
                                      if line.strip())}.items())
pythons = [(p, v) for v, p in pythons]
checks = []


def check(ok, what):
    checks.append((bool(ok), what))


def header(path, key):
    m = re.search(r"^# %s: (.+)$" % key, open(path, encoding="utf-8").read(), re.M)
    return m.group(1).strip() if m else None


def scan(path, version):
    args = [binary, "scan", "--no-cache", "--fail-on", "none", "--format", "json"]
    args += ["--mypyc-version", version] if version else []
    report = json.loads(subprocess.run(args + [path], check=True, capture_output=True,
                                       text=True).stdout)
    return report["modules"][0], report["diagnostics"]


def parses(python, path):
    code = "import ast, sys; ast.parse(open(sys.argv[1], 'rb').read())"
    return subprocess.run([python, "-c", code, path], capture_output=True).returncode == 0


def version(text):
    return tuple(int(x) for x in text.split("."))


valid = sorted(glob.glob("fixtures/grammar-gaps/valid/*.py"))
certain = sorted(glob.glob("fixtures/grammar-gaps/certain/*.py"))
check(len(valid) >= 10 and len(certain) >= 8, "the fixture sets are there")

for path in valid:
    name, line = os.path.basename(path), int(header(path, "line"))
    m, diags = scan(path, "1.0.1")
    blockers = [f["rule"] for f in m["findings"] if f["category"] == "blocker"]
    check(m["verdict"] == "unknown", "%s: verdict unknown for mypyc 1.0.1 (got %s)" % (name, m["verdict"]))
    check(not blockers, "%s: no blocker for mypyc 1.0.1 (got %s)" % (name, blockers))
    check([(d["kind"], d["line"]) for d in diags] == [("grammar-gap", line)],
          "%s: one grammar-gap diagnostic at line %d (got %s)" % (name, line, diags))
    newest = header(path, "newest-mypyc")
    m, _ = scan(path, None)
    blockers = sorted({f["rule"] for f in m["findings"] if f["category"] == "blocker"})
    if newest:
        check(m["verdict"] == "blocked" and blockers == [newest],
              "%s: the newest mypyc blocks it by %s (got %s)" % (name, newest, blockers))
    else:
        check(m["verdict"] == "unknown" and not blockers,
              "%s: verdict unknown for the newest mypyc (got %s %s)" % (name, m["verdict"], blockers))
    since = version(header(path, "python"))
    for python, have in pythons:
        if version(have) >= since:
            check(parses(python, path), "%s: Python %s parses it" % (name, have))

for path in certain:
    name, line = os.path.basename(path), int(header(path, "line"))
    m, diags = scan(path, None)
    errors = [(f["rule"], f["line"]) for f in m["findings"] if f["category"] == "blocker"]
    check(m["verdict"] == "blocked" and errors == [("syntax-error", line)],
          "%s: one syntax-error blocker at line %d (got %s)" % (name, line, errors))
    check([(d["kind"], d["line"]) for d in diags] == [("syntax-error", line)],
          "%s: a syntax-error diagnostic at line %d" % (name, line))
    for python, have in pythons:
        check(not parses(python, path), "%s: Python %s rejects it" % (name, have))

doc = open("docs/grammar-gaps.md", encoding="utf-8").read()
named = set(re.findall(r"fixtures/grammar-gaps/((?:valid|certain)/[a-z0-9_]+\.py)", doc))
on_disk = {os.path.relpath(p, "fixtures/grammar-gaps") for p in valid + certain}
for rel in sorted(on_disk - named):
    check(False, "docs/grammar-gaps.md does not name fixtures/grammar-gaps/%s" % rel)
for rel in sorted(named - on_disk):
    check(False, "docs/grammar-gaps.md names a missing fixtures/grammar-gaps/%s" % rel)
check(named, "docs/grammar-gaps.md names the fixtures")

failed = [what for ok, what in checks if not ok]
for what in failed:
    print("FAIL:", what)
print("pythons at hand: %s" % ", ".join(v for _, v in pythons))
print("%d passed, %d failed" % (len(checks) - len(failed), len(failed)))
sys.exit(1 if failed else 0)
EOF
