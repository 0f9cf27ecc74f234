#!/usr/bin/env bash
# --rev scans a commit with that commit's configuration (issue 17, item 8):
# [tool.mypyc-scout], the mypy configuration, the mypyc pin, the packaging
# scope and setup.py's compile set all come from the tree of REV, never from
# the work tree, and a broken work-tree pyproject.toml does not stop it.
# Paths given with --rev name files and directories of the commit (item 15):
# a file scans that file, a path the commit lacks is an error (exit 2).
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-revcfg-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
field() { # JSON report on stdin; a Python expression over d
	python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"
}

repo="$tmp/repo"
mkdir -p "$repo/pkg" "$repo/tools"
cd "$repo"
git init -q .
git config user.name t
git config user.email t@example.com
printf 'def f(x: int) -> int:\n    return x\n' >pkg/__init__.py
printf 'def g(x: int) -> int:\n    return x + 1\n' >pkg/fast.py
printf 'def h(x: int) -> int:\n    return x - 1\n' >pkg/slow.py
printf 'def t() -> None:\n    pass\n' >tools/gen.py
cat >pyproject.toml <<'TOML'
[project]
name = "p"
version = "1"
[tool.mypyc-scout]
mypyc-version = "1.4"
[tool.setuptools]
packages = ["pkg"]
TOML
printf '[mypy]\npython_version = 3.11\n' >mypy.ini
printf 'mypy==1.5.1\n' >requirements.txt
cat >setup.py <<'PY'
from setuptools import setup
from mypyc.build import mypycify
setup(ext_modules=mypycify(["pkg/fast.py"]))
PY
git add -A
git commit -qm one

# The work tree moves on: other settings everywhere, and a pyproject.toml
# that would stop any scan of the work tree.
cat >pyproject.toml <<'TOML'
[project]
name = "p"
[tool.mypyc-scout]
mypyc-version = "1.9"
fail-on = "everything"
TOML
printf '[mypy]\npython_version = 3.12\n' >mypy.ini
cat >setup.py <<'PY'
from setuptools import setup
from mypyc.build import mypycify
setup(ext_modules=mypycify(["pkg/slow.py"]))
PY
rc=0
"$bin" scan --no-cache . >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "the broken work tree should stop a work-tree scan (exit $rc)"

rc=0
"$bin" scan --no-cache --format json --rev HEAD . >"$tmp/rev.json" 2>"$tmp/err" || rc=$?
[ "$rc" = 0 ] || fail "--rev HEAD exit $rc: $(cat "$tmp/err")"
[ "$(field 'd["mypyc"]["version"]' <"$tmp/rev.json")" = 1.4.0 ] ||
	fail "mypyc version not the commit's: $(field 'd["mypyc"]' <"$tmp/rev.json")"
[ "$(field 'd["python"]["version"]' <"$tmp/rev.json")" = 3.11 ] ||
	fail "target Python not the commit's mypy.ini: $(field 'd["python"]' <"$tmp/rev.json")"
compiled=$(field '" ".join(d["plan"]["current"]["modules"])' <"$tmp/rev.json")
[ "$compiled" = pkg/fast.py ] || fail "compile set not the commit's setup.py: '$compiled'"
shipped=$(field '" ".join(m["path"] for m in d["modules"] if m["shipped"])' <"$tmp/rev.json")
[ "$shipped" = "pkg/__init__.py pkg/fast.py pkg/slow.py" ] || fail "scope not the commit's packages: $shipped"

# Without [tool.mypyc-scout] mypyc-version in the commit, the pin comes from
# the commit's requirements.txt (mypy==1.5.1), not the work tree's.
git rm -qf mypy.ini
git show HEAD:pyproject.toml | sed '/mypyc-version/d' >pyproject.toml
git add pyproject.toml
git commit -qm two
printf 'mypy==1.8.0\n' >requirements.txt
"$bin" scan --no-cache --format json --rev HEAD . >"$tmp/pin.json"
[ "$(field 'd["mypyc"]["version"]' <"$tmp/pin.json")" = 1.5.1 ] ||
	fail "pin not the commit's: $(field 'd["mypyc"]' <"$tmp/pin.json")"

# Paths with --rev: a file of the commit scans that file.
rm pkg/fast.py
"$bin" scan --no-cache --format json --rev HEAD pkg/fast.py >"$tmp/file.json" 2>"$tmp/err"
[ "$(field '" ".join(m["path"] for m in d["modules"])' <"$tmp/file.json")" = pkg/fast.py ] ||
	fail "--rev HEAD pkg/fast.py: $(field '[m["path"] for m in d["modules"]]' <"$tmp/file.json")"
(cd pkg && "$bin" scan --no-cache --format json --rev HEAD slow.py) >"$tmp/sub.json"
[ "$(field '" ".join(m["path"] for m in d["modules"])' <"$tmp/sub.json")" = pkg/slow.py ] ||
	fail "--rev HEAD slow.py from pkg/"
rc=0
"$bin" scan --no-cache --rev HEAD pkg/nothing.py >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" = 2 ] && grep -q "not in the tree of HEAD" "$tmp/err" ||
	fail "a path missing from the commit: exit $rc, $(cat "$tmp/err")"

# A bare repository: --rev scans it; without --rev it is an error, not an
# empty report.
git clone -q --bare "$repo" "$tmp/bare.git"
"$bin" scan --no-cache --format json --rev HEAD "$tmp/bare.git" >"$tmp/bare.json"
[ "$(field 'd["mypyc"]["version"]' <"$tmp/bare.json")" = 1.5.1 ] || fail "bare --rev: wrong pin"
[ "$(field 'len(d["modules"])' <"$tmp/bare.json")" = 5 ] || fail "bare --rev: wrong modules"
rc=0
"$bin" scan --no-cache "$tmp/bare.git" >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" = 2 ] && grep -q "bare git repository" "$tmp/err" ||
	fail "a bare repository without --rev: exit $rc, $(cat "$tmp/err")"
echo ok
