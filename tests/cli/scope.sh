#!/usr/bin/env bash
# The scope: which modules ship, read from each packaging shape under
# fixtures/projects/scope (setuptools lists, find and automatic discovery from
# pyproject.toml, setup.cfg and setup.py; hatch; flit; poetry; pdm; no packaging),
# and the --fail-on gate over it: a blocker in tests/ fails only with
# --scope all (or scope = "all") or when the file is named on the command
# line; a blocker in the package fails by default.
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
scratch scope
fixtures=fixtures/projects/scope

# shipped NAME: the scope's source, then the shipped paths, on one line.
shipped() {
	"$bin" scan --no-cache --fail-on none --format json "$fixtures/$1" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(r["scope"]["source"] + ":", *[m["path"] for m in r["modules"] if m["shipped"]])'
}

expect() { # expect NAME "SOURCE: PATHS..."
	local got
	got=$(shipped "$1")
	check "$1: got '$got', want '$2'" [ "$got" = "$2" ]
}

fallback="every module outside tests, docs, examples, scripts, benchmarks and tools"
expect setuptools_list "setuptools: pyproject.toml [tool.setuptools] packages: app/__init__.py app/core.py"
expect setuptools_cfg_find "setuptools: setup.cfg [options] packages = find:: src/app/__init__.py src/app/core.py"
expect setup_py_find "setuptools: setup.py packages=find_packages(...): app/__init__.py app/core.py"
expect setup_py_list "setuptools: setup.py packages=[...] and setup.py py_modules=[...]: lib/app/__init__.py lib/app/core.py lib/app/sub/__init__.py lib/app/sub/deep.py lib/single.py"
expect setup_py_computed "setup.py computes packages=, which is not read without running it; fallback: $fallback: app/__init__.py app/core.py"
expect auto_src "setuptools automatic discovery: src layout (src/): src/app/__init__.py src/app/core.py src/helper.py"
expect auto_flat "setuptools automatic discovery: flat layout, package app/: app/__init__.py app/core.py"
expect auto_flat_many "setuptools' automatic discovery stops the build: several top-level packages in a flat layout (app, other); fallback: $fallback: app/__init__.py app/core.py other/__init__.py other/more.py"
expect hatch_default "hatch default: src/my_app, named after the project: src/my_app/__init__.py src/my_app/core.py"
expect hatch_packages "hatch: [tool.hatch.build.targets.wheel] packages: src/app/__init__.py src/app/core.py"
expect flit "flit: apptool.py ([tool.flit.module] name): apptool.py"
expect poetry "poetry: [tool.poetry] packages: src/app/__init__.py src/app/core.py"
expect poetry_default "poetry default: my_lib, named after the project: my_lib/__init__.py my_lib/core.py"
expect pdm_default "pdm default: the top-level packages of src/: src/app/__init__.py src/app/core.py"
expect pdm_includes "pdm: [tool.pdm.build] includes: app/__init__.py app/core.py cli.py"
expect none "no packaging configuration; fallback: $fallback: app/__init__.py app/core.py"
# ext_modules=mypycify([...]) and no packages: the compiled modules ship as
# extensions (the blacklisted __main__.py and sub/slow.py, and the tests, do not)
fixtures=fixtures/compile_sets expect setup_blacklist "setuptools: setup.py passes ext_modules and no packages, so nothing else ships; 4 modules compiled with mypyc ship as extensions: app/__init__.py app/core.py app/sub/__init__.py app/sub/fast.py"

# The text report's scope line.
"$bin" scan --no-cache --fail-on none "$fixtures/setup_py_find" >"$tmp/text"
check "text scope line: $(grep ' modules ship' "$tmp/text")" \
	grep -qx "2 of 6 modules ship (setuptools: setup.py packages=find_packages(...)); the counts are of those" "$tmp/text"

# gate ARGS...: the exit status and the reason on stderr, as one line.
gate() {
	local rc=0 err
	err=$("$bin" scan --no-cache "$@" 2>&1 >/dev/null) || rc=$?
	echo "$rc $err"
}

got=$(gate "$fixtures/setup_py_find")
check "blockers in tests/ and benchmarks/ only: the default gate passes ($got)" [ "$got" = "0 " ]
got=$(gate --scope all "$fixtures/setup_py_find")
check "--scope all: they fail it, naming the file from the working directory ($got)" \
	[ "$got" = "1 mypyc-scout: 2 findings at or above --fail-on blocker (first in $fixtures/setup_py_find/benchmarks/bench.py)" ]
got=$(gate "$fixtures/setuptools_list")
check "a blocker in the package fails the default gate, the one in tests/ does not ($got)" \
	[ "$got" = "1 mypyc-scout: 1 finding at or above --fail-on blocker (first in $fixtures/setuptools_list/app/core.py)" ]
check "--scope takes shipped or all" usage_error scan --scope tests "$fixtures/setup_py_find"

cp -r "$fixtures/setup_py_find" "$tmp/configured"
printf '[tool.mypyc-scout]\nscope = "all"\n' >"$tmp/configured/pyproject.toml"
got=$(gate "$tmp/configured")
check "scope = \"all\" in [tool.mypyc-scout] ($got)" \
	[ "$got" = "1 mypyc-scout: 2 findings at or above --fail-on blocker (first in $tmp/configured/benchmarks/bench.py)" ]
got=$(gate --scope shipped "$tmp/configured")
check "--scope shipped wins over the config ($got)" [ "$got" = "0 " ]
printf '[tool.mypyc-scout]\nscope = "tests"\n' >"$tmp/configured/pyproject.toml"
check "scope in [tool.mypyc-scout] takes shipped or all" usage_error scan "$tmp/configured"

# Files named on the command line are checked as given (as ruff does), in
# the scope of the directory the command runs in.
got=$(cd "$fixtures/setup_py_find" && gate tests/test_core.py app/core.py)
check "a test file named on the command line fails the gate ($got)" \
	[ "$got" = "1 mypyc-scout: 1 finding at or above --fail-on blocker (first in tests/test_core.py)" ]
(cd "$fixtures/setup_py_find" && "$bin" scan --no-cache --fail-on none ./tests/test_core.py app/core.py) >"$tmp/named"
check "the scope line says so: $(grep ' modules ship' "$tmp/named")" \
	grep -qx "1 of 2 modules ship (setuptools: setup.py packages=find_packages(...)); the counts are of those; --fail-on also covers the 1 file named" "$tmp/named"
finish
