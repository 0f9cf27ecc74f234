#!/usr/bin/env bash
# `audit --rev REV` reads the packaging checklist's files from the commit, as
# the scan part of it does (issue 17, item 8): the CI workflows it lists and
# greps, the Makefile a CI step's `make T` is followed into, setup.py and
# pyproject.toml. The work tree here has other CI files (and none of the
# commit's), which must not show.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
scratch auditrev
export XDG_CACHE_HOME=$tmp/cache

git_repo "$tmp/repo"
mkdir -p .github/workflows app
printf 'def f(x: int) -> int:\n    return x\n' >app/core.py
touch app/__init__.py
printf 'from setuptools import setup\nfrom mypyc.build import mypycify\nsetup(packages=["app"], ext_modules=mypycify(["app/core.py"]))\n' >setup.py
printf 'jobs:\n  checks:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make install\n      - run: make check\n' >.github/workflows/test.yml
printf 'install:\n\tpip install -e .\n\ntest:\n\tpython -m unittest\n\ntestc: buildc\n\tpython -m unittest\n\nbuildc:\n\tpython setup.py build_ext --inplace\n\ncheck: test testc\n' >Makefile
git add -A
git commit -qm one

# The work tree moves on: the commit's workflow and Makefile are gone, a
# workflow that runs cibuildwheel and a [tool.cibuildwheel] table appear.
git rm -q --cached Makefile .github/workflows/test.yml
rm -rf Makefile .github
mkdir -p .github/workflows
printf 'jobs:\n  wheels:\n    steps:\n      - uses: pypa/cibuildwheel@v2.23\n' >.github/workflows/worktree-only.yml
printf '[project]\nname = "app"\nversion = "1"\n\n[tool.cibuildwheel]\nskip = "pp*"\n' >pyproject.toml

"$bin" audit --no-cache --format md . >"$tmp/wt.md"
check "the work tree's audit sees the work tree's workflow" grep -q 'worktree-only.yml' "$tmp/wt.md"
check "the work tree's audit sees its [tool.cibuildwheel]" grep -qF 'pyproject.toml:5' "$tmp/wt.md"

rc=0
"$bin" audit --no-cache --format md --rev HEAD . >"$tmp/rev.md" 2>"$tmp/err" || rc=$?
check "audit --rev HEAD: exit $rc ($(cat "$tmp/err"))" [ "$rc" = 0 ]
check "--rev: no work-tree workflow" bash -c "! grep -q 'worktree-only' '$tmp/rev.md'"
check "--rev: no work-tree [tool.cibuildwheel]" bash -c "! grep -qF 'pyproject.toml:5' '$tmp/rev.md'"
check "--rev: the commit's workflows are the ones looked at" \
	grep -qF 'runs cibuildwheel (looked at .github/workflows/test.yml)' "$tmp/rev.md"
check "--rev: the CI step is followed into the commit's Makefile" \
	grep -qF '(checks) runs make target check, which builds the extension modules in place (build\_ext --inplace) and runs the tests against it' "$tmp/rev.md"
check "--rev: the commit's Makefile lines are the evidence" \
	grep -qF '`Makefile:11` `python setup.py build_ext --inplace`' "$tmp/rev.md"
finish
