#!/usr/bin/env bash
# The project root is found as mypy and ruff find their configuration: a
# subdirectory or a single file scanned walks up to the nearest directory
# with pyproject.toml / setup.py / setup.cfg / mypy.ini, stopping at a work
# tree's top (.git). Settings, the mypy pin, the scope and the compile set come
# from there, and paths are reported relative to it; without one, the
# directory scanned stays the root.
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
scratch project_root

# A project whose root says everything: a pin, a setting, a compile list.
proj=$tmp/proj
mkdir -p "$proj/pkg/sub" "$proj/tests"
cat >"$proj/pyproject.toml" <<'EOF'
[build-system]
requires = ["setuptools", "mypy==1.4.1"]

[tool.setuptools]
packages = ["pkg", "pkg.sub"]

[tool.mypyc-scout]
ignore = ["slow"]
EOF
cat >"$proj/setup.py" <<'EOF'
from setuptools import setup
from mypyc.build import mypycify

setup(ext_modules=mypycify(["pkg/core.py"]))
EOF
touch "$proj/pkg/__init__.py" "$proj/pkg/sub/__init__.py"
printf 'def f(x: int) -> int:\n    return x + 1\n' >"$proj/pkg/core.py"
printf 'def g(x: int) -> int:\n    return x * 2\n' >"$proj/pkg/sub/deep.py"
printf 'def test_f() -> None:\n    pass\n' >"$proj/tests/test_core.py"

# facts DIR ARGS...: from DIR, `scan ARGS` as JSON, one fact a line.
facts() {
	local dir=$1
	shift
	(cd "$dir" && "$bin" scan --no-cache --fail-on none --format json "$@") | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("root", r["root"])
print("paths", *[m["path"] for m in r["modules"]])
print("modules", *[m["module"] for m in r["modules"]])
print("version", r["mypyc"]["version"], r["mypyc"]["source"])
print("current", *(r["plan"].get("current") or {}).get("modules", []))
print("scope", r["scope"]["source"])
print("slow", sum(f["category"] == "slow" for m in r["modules"] for f in m["findings"]))'
}

# expect_fact WHAT DIR FACT WANT ARGS...: the line FACT of `facts DIR ARGS`.
expect_fact() {
	local what=$1 dir=$2 fact=$3 want=$4 got
	shift 4
	got=$(facts "$dir" "$@" | sed -n "s/^$fact //p")
	check "$what: $fact is '$got', want '$want'" [ "$got" = "$want" ]
}

pin="1.4.1 pyproject.toml [build-system] requires: mypy==1.4.1"
# the root itself
expect_fact "root" "$proj" root "." .
expect_fact "root" "$proj" paths "pkg/__init__.py pkg/core.py pkg/sub/__init__.py pkg/sub/deep.py setup.py tests/test_core.py" .
# a subdirectory, from the root: paths stay root-relative, config is the root's
expect_fact "subdirectory" "$proj" root "." pkg/sub
expect_fact "subdirectory" "$proj" paths "pkg/sub/__init__.py pkg/sub/deep.py" pkg/sub
expect_fact "subdirectory" "$proj" modules "pkg.sub pkg.sub.deep" pkg/sub
expect_fact "subdirectory" "$proj" version "$pin" pkg/sub
expect_fact "subdirectory" "$proj" scope "setuptools: pyproject.toml [tool.setuptools] packages" pkg/sub
expect_fact "subdirectory's settings" "$proj" slow 0 pkg/sub
# inside the package: the root is above the current directory
expect_fact "from inside" "$proj/pkg" root ".." .
expect_fact "from inside" "$proj/pkg" paths "pkg/__init__.py pkg/core.py pkg/sub/__init__.py pkg/sub/deep.py" .
expect_fact "from inside" "$proj/pkg" current "pkg/core.py" .
expect_fact "from inside" "$proj/pkg" version "$pin" .
# one file, named from elsewhere: the absolute root
mkdir "$tmp/elsewhere"
expect_fact "one file" "$tmp/elsewhere" root "$proj" "$proj/pkg/core.py"
expect_fact "one file" "$tmp/elsewhere" paths "pkg/core.py" "$proj/pkg/core.py"
expect_fact "one file" "$tmp/elsewhere" current "pkg/core.py" "$proj/pkg/core.py"
expect_fact "one file, relative" "$tmp" root "proj" proj/pkg/core.py
# several paths: their common directory's root
expect_fact "two paths" "$proj/tests" root ".." ../pkg/core.py test_core.py
expect_fact "two paths" "$proj/tests" paths "pkg/core.py tests/test_core.py" ../pkg/core.py test_core.py

# The nearest marker wins: a sub-project with its own pyproject.toml.
mkdir -p "$proj/plugin/plug"
printf '[tool.mypyc-scout]\nmypyc-version = "1.2"\n' >"$proj/plugin/pyproject.toml"
printf 'X: int = 1\n' >"$proj/plugin/plug/__init__.py"
expect_fact "nearest" "$proj" root "plugin" plugin/plug
expect_fact "nearest" "$proj" paths "plug/__init__.py" plugin/plug
expect_fact "nearest" "$proj" version "1.2.0 pyproject.toml [tool.mypyc-scout] mypyc-version" plugin/plug

# A work tree's top ends the walk: a repository inside the project without
# packaging files of its own keeps the directory scanned as the root.
mkdir -p "$proj/vendored/lib"
printf 'def h() -> None:\n    pass\n' >"$proj/vendored/lib/h.py"
git init -q "$proj/vendored"
expect_fact "stops at .git" "$proj" root "vendored/lib" vendored/lib
expect_fact "stops at .git" "$proj" paths "h.py" vendored/lib
expect_fact "stops at .git" "$proj" scope "no packaging configuration; fallback: every module outside tests, docs, examples, scripts, benchmarks and tools" vendored/lib

# CI formats want paths from the repository's top: a project in a
# subdirectory of a git repository.
repo=$tmp/repo
mkdir -p "$repo/svc/pkg"
printf '[tool.setuptools]\npackages = ["pkg"]\n' >"$repo/svc/pyproject.toml"
printf 'import os\ndef f(x):\n    exec(x)\n' >"$repo/svc/pkg/core.py"
touch "$repo/svc/pkg/__init__.py"
git init -q "$repo"
# ci_paths DIR FORMAT ARGS...: the file paths the format names, from DIR.
ci_paths() {
	local dir=$1 format=$2
	shift 2
	(cd "$dir" && "$bin" scan --no-cache --fail-on none --format "$format" "$@") | python3 -c '
import json, sys, re
text = sys.stdin.read()
if sys.argv[1] == "sarif":
    run = json.loads(text)["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]
    print(base.get("uri", "-"), *sorted({l["physicalLocation"]["artifactLocation"]["uri"]
          for r in run["results"] for l in r["locations"]}))
else:
    print(*sorted({i["location"]["path"] for i in json.loads(text)}))' "$format"
}
got=$(ci_paths "$repo" sarif svc)
check "sarif from the top: $got" [ "$got" = "- svc/pkg/core.py" ]
got=$(ci_paths "$repo/svc/pkg" sarif .)
check "sarif from inside: $got" [ "$got" = "- svc/pkg/core.py" ]
got=$(ci_paths "$tmp/elsewhere" sarif "$repo/svc/pkg/core.py")
check "sarif, absolute root: $got" [ "$got" = "file://$repo/ svc/pkg/core.py" ]
got=$(ci_paths "$repo/svc" gitlab .)
check "gitlab: $got" [ "$got" = "svc/pkg/core.py" ]
got=$(cd "$repo/svc/pkg" && "$bin" scan --no-cache --fail-on none --format github . | sed -n 's/^::[a-z]* .*file=\([^,:]*\).*/\1/p' | sort -u)
check "github: $got" [ "$got" = "svc/pkg/core.py" ]

# The text report names files from the working directory, as ruff does, so
# an editor or terminal can open them: the JSON keeps them root-relative.
printf 'class Number(int):\n    pass\n' >"$proj/pkg/bad.py"
first_line() { # first_line DIR ARGS...: the first path:line:col line of the text report
	(cd "$1" && shift && "$bin" scan --no-cache --fail-on none "$@") | grep -m1 -E '^[^ ]+:[0-9]+:[0-9]+: ' | cut -d: -f1-2
}
got=$(first_line "$proj" .)
check "text from the root: $got" [ "$got" = "pkg/bad.py:1" ]
got=$(first_line "$proj/pkg" .)
check "text from inside the package: $got" [ "$got" = "bad.py:1" ]
got=$(first_line "$proj/tests" ..)
check "text from a sibling directory: $got" [ "$got" = "../pkg/bad.py:1" ]
got=$(first_line "$tmp/elsewhere" "$proj/pkg/bad.py")
check "text from elsewhere: $got" [ "$got" = "$proj/pkg/bad.py:1" ]

# A file outside any project is named from the working directory, once (the
# root was the file itself, and the text report said one/a.py/one/a.py).
mkdir -p "$tmp/loose/one"
printf 'class Number(int):\n    pass\n' >"$tmp/loose/one/a.py"
got=$(first_line "$tmp/loose" one/a.py)
check "a loose file, text: $got" [ "$got" = "one/a.py:1" ]
got=$(cd "$tmp/loose" && "$bin" scan --no-cache --fail-on none --format json one/a.py |
	python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["root"], *[m["path"] for m in r["modules"]])')
check "a loose file, JSON root and path: $got" [ "$got" = ". one/a.py" ]

finish
