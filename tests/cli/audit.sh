#!/usr/bin/env bash
# The audit command end to end: both formats on fixtures/projects/audit, exit
# status, byte-identical output across runs, --timestamp, the scanned tree left
# untouched, and usage errors.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
scratch audit
export XDG_CACHE_HOME=$tmp/cache

cp -r fixtures/projects/audit "$tmp/proj"
(cd "$tmp/proj" && find . -type f -exec sha256sum {} + | sort) >"$tmp/before"

for fmt in html markdown; do
	rc=0
	"$bin" audit --format $fmt --output "$tmp/a.$fmt" "$tmp/proj" || rc=$?
	check "$fmt: exit 0 although the project has blockers" test "$rc" -eq 0
	"$bin" audit --format $fmt --output "$tmp/b.$fmt" --jobs 1 "$tmp/proj"
	check "$fmt: byte-identical across runs" cmp -s "$tmp/a.$fmt" "$tmp/b.$fmt"
	check "$fmt: names the project" grep -q auditdemo "$tmp/a.$fmt"
	check "$fmt: the phase 1 module" grep -q 'src/auditdemo/core.py' "$tmp/a.$fmt"
	check "$fmt: the blocker and its rule" grep -q 'nested-class' "$tmp/a.$fmt"
	check "$fmt: flit must be replaced" grep -qi 'flit' "$tmp/a.$fmt"
	check "$fmt: no date without --timestamp" \
		bash -c "! grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z' '$tmp/a.$fmt'"
	SOURCE_DATE_EPOCH=86400 "$bin" audit --format $fmt --timestamp --output "$tmp/t.$fmt" "$tmp/proj"
	check "$fmt: --timestamp states when" grep -q '1970-01-02T00:00:00Z' "$tmp/t.$fmt"
done
check "html is the default format" bash -c "'$bin' audit '$tmp/proj' | head -c 200 | grep -qi '<!doctype html>'"
check "markdown stays under 65,536 characters" \
	test "$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$tmp/a.markdown")" -lt 65536

(cd "$tmp/proj" && find . -type f -exec sha256sum {} + | sort) >"$tmp/after"
check "the scanned tree is unchanged" cmp -s "$tmp/before" "$tmp/after"

expect_usage() { # expect_usage DESCRIPTION ARGS...
	local what=$1 rc=0
	shift
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	check "$what: exit 2" test "$rc" -eq 2
	check "$what: says why" grep -q 'error' "$tmp/err"
}
expect_usage "unknown format" audit --format pdf "$tmp/proj"
expect_usage "--diff is for scan" audit --diff main "$tmp/proj"
expect_usage "unwritable output" audit --output "$tmp/no/such/dir/a.html" "$tmp/proj"
expect_usage "missing path" audit "$tmp/does-not-exist"
# The wheel-test reader follows a CI step into the Makefile (`make check` ->
# testc -> build_ext --inplace, then the tests) and into noxfile.py (`nox -s
# test_mypyc-3.12` -> a helper that installs with the switch "1" if ... ).
wt=$tmp/wt-make
mkdir -p "$wt/.github/workflows" "$wt/app"
printf 'def f(x: int) -> int:\n    return x\n' >"$wt/app/core.py"
touch "$wt/app/__init__.py"
printf 'from setuptools import setup\nfrom mypyc.build import mypycify\nsetup(packages=["app"], ext_modules=mypycify(["app/core.py"]))\n' >"$wt/setup.py"
printf 'jobs:\n  checks:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make install\n      - run: make check\n' >"$wt/.github/workflows/test.yml"
printf 'install:\n\tpip install -e .\n\ntest:\n\tpython -m unittest\n\ntestc: buildc\n\tpython -m unittest\n\nbuildc:\n\tpython setup.py build_ext --inplace\n\ncheck: test testc\n' >"$wt/Makefile"
"$bin" audit --no-cache --format md "$wt" >"$tmp/wt-make.md"
check "make: followed into the target that builds in place and tests" \
	grep -qF '(checks) runs make target check, which builds the extension modules in place (build\_ext --inplace) and runs the tests against it: the compiled modules are what is tested.' "$tmp/wt-make.md"
check "make: the Makefile lines are the evidence" grep -qF '`Makefile:11` `python setup.py build_ext --inplace`' "$tmp/wt-make.md"
wt=$tmp/wt-nox
mkdir -p "$wt/.github/workflows" "$wt/src/app"
printf 'def f(x: int) -> int:\n    return x\n' >"$wt/src/app/core.py"
touch "$wt/src/app/__init__.py"
printf 'import os\nfrom setuptools import setup\nif os.environ.get("APP_USE_MYPYC") == "1":\n    from mypyc.build import mypycify\n    ext = mypycify(["src/app/core.py"])\nelse:\n    ext = []\nsetup(ext_modules=ext)\n' >"$wt/setup.py"
printf 'jobs:\n  test:\n    steps:\n      - run: nox -s test-3.12\n  mypyc:\n    steps:\n      - run: nox -s test_mypyc-3.12\n  downstream:\n    steps:\n      - run: nox -s downstream_other\n' >"$wt/.github/workflows/ci.yml"
cat >"$wt/noxfile.py" <<'PY'
import nox


def impl(session, use_mypyc=False):
    session.install(
        ".",
        env={"APP_USE_MYPYC": "1" if use_mypyc else "0"},
    )
    session.run("pytest", "tests/")


@nox.session
def test(session):
    impl(session)


@nox.session
def test_mypyc(session):
    impl(session, True)


@nox.session
def downstream_other(session):
    session.run("git", "clone", "https://example.org/other.git")
    session.install(".")
    session.run("pytest", "other/tests")
PY
"$bin" audit --no-cache --format md "$wt" >"$tmp/wt-nox.md"
check "nox: the compiled session, followed into its helper" \
	grep -qF '.github/workflows/ci.yml (mypyc) runs nox session test\_mypyc, which installs the package with APP\_USE\_MYPYC=1 and runs the tests against it: the compiled modules are what is tested.' "$tmp/wt-nox.md"
check "nox: a downstream session (another project's tests) is not this project's" bash -c "! grep -q 'downstream' '$tmp/wt-nox.md'"

finish
