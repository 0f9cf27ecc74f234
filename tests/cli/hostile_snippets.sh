#!/usr/bin/env bash
# File names are untrusted: every paste-ready snippet stays what it says (the
# text plan's mypycify list is Python string literals, its hatch include list
# TOML strings; the audit's CI step and conftest import only names that are
# module paths), the exit-gate line on stderr is one escaped line, and
# --format github carries no ESC or other control character.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-snippets-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
t=$tmp/t
mkdir -p "$t/pkg"
: >"$t/pkg/__init__.py"
names=('x", __import__("os").system("id"), "y' 'a;id;echo b' $'n\n::error::pwned' $'e\x1b[31mred')
for n in "${names[@]}"; do
	printf 'def f(x: int) -> int:\n    for i in range(x):\n        x += i\n    return x\n' >"$t/pkg/$n.py"
done

"$bin" scan --no-cache --fail-on none --show-plan "$t" >"$tmp/report.txt"
"$bin" audit --format markdown --output "$tmp/audit.md" "$t"
python3 - "$tmp/report.txt" "$tmp/audit.md" "${names[@]}" <<'PY'
import ast, re, sys, tomllib
report, audit = open(sys.argv[1]).read(), open(sys.argv[2]).read()
want = sorted("pkg/%s.py" % n for n in sys.argv[3:])
m = re.search(r"ext_modules=mypycify\(\[\n(.*?)\n  \]\)", report, re.S)
assert m, "no mypycify snippet"
tree = ast.parse("[" + m.group(1) + "]", mode="eval")
got = [e.value for e in tree.body.elts if isinstance(e, ast.Constant)]
assert len(got) == len(tree.body.elts), "mypycify: something other than strings"
assert sorted(got) == want, got
m = re.search(r"  include = \[\n(.*?)\n  \]", report, re.S)
assert m, "no hatch snippet"
got = tomllib.loads("include = [" + m.group(1) + "]")["include"]
assert sorted(got) == want, got
for line in audit.splitlines():
    if re.search(r"import \S+ as (m|_probe)", line):
        assert re.search(r"import (your_package\.hot_module|[A-Za-z_][\w.]*) as", line), line
        assert not re.search(r"[;\"]\s*id|__import__|::error", line), line
assert "not Python identifiers are left out" in audit, "no note on what was left out"
PY

# the gate's stderr line: one line, the path escaped as in the report
mkdir -p "$tmp/g"
printf 'class A:\n    class B: pass\n' >"$tmp/g/"$'n\n::error::pwned.py'
rc=0
"$bin" scan --no-cache "$tmp/g" >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" = 1 ]
[ "$(wc -l <"$tmp/err")" = 1 ]
grep -q 'first in .*/g/n\\x0a::error::pwned.py' "$tmp/err"

# --format github: no raw control character reaches the workflow log
mkdir -p "$tmp/e"
printf 'class A:\n    class B: pass\n' >"$tmp/e/"$'e\x1b]8;;x\x07\x1b[31mred\x7f.py'
"$bin" scan --no-cache --fail-on none --format github "$tmp/e" >"$tmp/gh.txt"
grep -q 'e\\x1b' "$tmp/gh.txt"
if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$tmp/gh.txt"; then
	echo "control characters in --format github" >&2
	exit 1
fi
