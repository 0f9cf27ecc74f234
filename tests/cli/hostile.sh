#!/usr/bin/env bash
# Bad input never stops a scan: NUL bytes, invalid UTF-8, a BOM, CRLF, a 12 MB
# single line, brackets nested 200 deep (CPython's limit) and 20,000 and 65,536
# deep (past it; tree-sitter crashes on the latter), unreadable files, FIFOs, directory
# symlink loops. Each gets a result or a diagnostic, and --jobs 1 and --jobs 2
# give byte-identical reports.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-hostile-XXXXXX)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
t=$tmp/tree
mkdir -p "$t/pkg" "$tmp/outside" "$t/pkg/empty_dir" # an empty directory: no array to sort

printf 'def f(x: int) -> int:\n    return x\n' >"$t/pkg/ok.py"
printf 'x = 1\x00\ny = 2\n' >"$t/pkg/nul.py"
printf 'name = "caf\xe9"\n' >"$t/pkg/latin_nocookie.py"
printf '# -*- coding: latin-1 -*-\nname = "caf\xe9"\ndef f(a: str) -> str:\n    return a\n' >"$t/pkg/latin_cookie.py"
printf '\xef\xbb\xbfdef f(x: int) -> int:\n    return x\n' >"$t/pkg/bom.py"
printf 'def f(x: int) -> int:\r\n    return x\r\n\r\ndef g(y):\r\n    return y\r\n' >"$t/pkg/crlf.py"
python3 -c "print('x = \"' + 'a' * 12_000_000 + '\"')" >"$t/pkg/huge_line.py"
python3 -c "print('x = ' + '[' * 200 + ']' * 200)" >"$t/pkg/nested_200.py"
python3 -c "print('x = ' + '[' * 20000 + ']' * 20000)" >"$t/pkg/nested.py"
python3 -c "print('x = ' + '(' * 20000)" >"$t/pkg/nested_unclosed.py"
python3 -c "print('s = \'' + '(' * 300 + '\'  # ' + '[' * 300 + '\nx = ' + '(' * 65536)" >"$t/pkg/nested_64k.py"
python3 -c "print('def (:\\n' * 50000)" >"$t/pkg/nested_defs.py"
mkdir -p "$tmp/deeptoml"
printf 'def f(x: int) -> int:\n    return x\n' >"$tmp/deeptoml/m.py"
python3 -c "print('a = ' + '[' * 70000)" >"$tmp/deeptoml/pyproject.toml"
printf 'x = `1`\n' >"$t/pkg/syntax.py"
printf 'def broken(:\n    pass\n' >"$t/pkg/gap.py"
printf 'import os\r\rdef f(x: int) -> int:\r    return x\r\rclass A:\r    class B: pass\r' >"$t/pkg/cr_only.py"
printf 'def f():\n    pass\n' >"$t/pkg/unreadable.py"
chmod 000 "$t/pkg/unreadable.py"
ln -s does-not-exist.py "$t/pkg/dangling.py"
mkfifo "$t/pkg/fifo.py"
ln -s . "$t/pkg/loop"
ln -s ../../outside "$t/pkg/linked_dir"
printf 'x = 1\n' >"$tmp/outside/not_scanned.py"
printf '\x89PNG\r\n\x1a\n\x00\x00binary' >"$t/pkg/image.py"
printf 'caf\xc3\xa9 = 1\ndef \xe5\x87\xbd(x: int) -> int:\n    return x\n' >"$t/pkg/unicode_names.py"

out1=$tmp/jobs1.json
out2=$tmp/jobs2.json
timeout 300 "$bin" scan --fail-on none --format json --jobs 1 "$t" >"$out1"
timeout 300 "$bin" scan --fail-on none --format json --jobs 2 "$t" >"$out2"
cmp "$out1" "$out2"
timeout 300 "$bin" scan --fail-on none --jobs 2 "$t" >"$tmp/report.txt"
# an attribute chain 40,000 deep: linear (it took minutes when each
# attribute walked the chain to its head)
mkdir -p "$tmp/chain"
python3 -c "print('import os\\nx = os' + '.b' * 40000)" >"$tmp/chain/m.py"
timeout 300 "$bin" scan --no-cache --fail-on none --jobs 1 "$tmp/chain" >/dev/null
# a pyproject.toml nested 70,000 deep is refused, not parsed (tree-sitter
# crashes on it): the scan and the audit go on without its settings
timeout 300 "$bin" scan --no-cache --fail-on none "$tmp/deeptoml" >/dev/null
timeout 300 "$bin" audit --format markdown --output "$tmp/deep.md" "$tmp/deeptoml"

python3 - "$out1" "$(id -u)" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
root_user = sys.argv[2] == "0"
mods = {m["path"]: m for m in report["modules"]}
diags = {}
for d in report["diagnostics"]:
    diags.setdefault(d["path"], []).append(d)
failures = []
def expect(cond, what):
    if not cond:
        failures.append(what)

expect(mods["pkg/ok.py"]["verdict"] == "ready", "ok.py is ready")
expect("pkg/nul.py" not in mods and diags["pkg/nul.py"][0]["kind"] == "skipped", "NUL byte: skipped")
expect(diags["pkg/image.py"][0]["kind"] == "skipped", "binary file: skipped")
expect(diags["pkg/latin_nocookie.py"][0]["kind"] == "not-utf8", "invalid UTF-8: not-utf8")
expect(diags["pkg/latin_nocookie.py"][0]["line"] == 1, "not-utf8 names its line")
expect(mods["pkg/latin_cookie.py"]["annotations"]["fully_typed_defs"] == 1, "latin-1 cookie decoded")
expect(mods["pkg/bom.py"]["verdict"] == "ready", "BOM stripped")
crlf = mods["pkg/crlf.py"]
expect(crlf["lines"] == 5 and crlf["annotations"]["defs"] == 2 and crlf["verdict"] != "blocked", "CRLF parsed")
expect(mods["pkg/huge_line.py"]["lines"] == 1 and mods["pkg/huge_line.py"]["verdict"] == "ready", "12 MB line analysed")
expect(mods["pkg/nested_200.py"]["verdict"] == "ready", "200 nested brackets analysed")
too_deep = "syntax error: too many nested parentheses (CPython allows 200)"
for name, line in (("nested", 1), ("nested_unclosed", 1), ("nested_64k", 2), ("nested_defs", 201)):
    m = mods["pkg/%s.py" % name]
    expect(m["verdict"] == "blocked" and [(f["message"], f["line"]) for f in m["findings"]] == [(too_deep, line)],
           "%s.py: too many nested parentheses at line %d" % (name, line))
cr = mods["pkg/cr_only.py"]
expect(cr["lines"] == 7 and [(f["rule"], f["line"]) for f in cr["findings"]] == [("class-body-unsupported-stmt", 7)],
       "lone CRs end lines, as Python reads them")
syn = mods["pkg/syntax.py"]
expect(syn["verdict"] == "blocked" and any(f["rule"] == "syntax-error" and f["line"] == 1 for f in syn["findings"]), "syntax error at line 1")
expect(diags["pkg/syntax.py"][0]["kind"] == "syntax-error", "syntax error diagnostic")
gap = mods["pkg/gap.py"]
expect(gap["verdict"] == "unknown" and gap["score"] == 0 and
       not any(f["category"] == "blocker" for f in gap["findings"]),
       "an uncertain syntax error: verdict unknown, no blocker")
expect([(d["kind"], d["line"]) for d in diags["pkg/gap.py"]] == [("grammar-gap", 1)], "grammar-gap diagnostic")
if not root_user:
    expect(diags["pkg/unreadable.py"][0]["kind"] == "unreadable", "unreadable file")
expect(diags["pkg/dangling.py"][0]["kind"] == "unreadable", "dangling symlink: unreadable")
expect(diags.get("pkg/fifo.py", [{}])[0].get("kind") == "skipped", "FIFO: skipped")
expect(not any("loop" in p or "linked_dir" in p or "outside" in p for p in mods), "directory symlinks not followed")
u = mods["pkg/unicode_names.py"]
expect(u["annotations"]["defs"] == 1, "non-ASCII identifiers parsed")
if failures:
    print("FAILED:", *failures, sep="\n  ")
    print(json.dumps(report["diagnostics"], indent=1))
    sys.exit(1)
print("hostile inputs: %d modules, %d diagnostics" % (len(mods), len(report["diagnostics"])))
PY
grep -q "pkg/ok.py" "$tmp/report.txt"
echo "1 passed, 0 failed"
