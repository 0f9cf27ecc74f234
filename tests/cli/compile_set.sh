#!/usr/bin/env bash
# The current compile set, read as the build reads it: setup.py's mypycify
# list (literals, variables built with +, +=, append, extend and remove,
# glob.glob, os.walk and setup.py's own functions, comprehensions with a
# blacklist, os.path joins; the environment test around the call said as its
# condition), hatch-mypyc (include/exclude as git wildmatch within the wheel
# target's only-include; mypy-args; enable-by-default), a sub-project's
# setup.py (paths from its own directory; a test fixture's setup.py is not
# one), and what cannot be read reported with its line, never guessed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
scratch compile_set

report() { # report DIR: the JSON of plan.current, one fact a line
	"$bin" scan --no-cache --fail-on none --format json "fixtures/compile_sets/$1" | python3 -c '
import json, sys
c = json.load(sys.stdin)["plan"].get("current") or {}
print("set", c.get("source", "none"), *c.get("modules", []))
for s in c.get("sources", []):
    print("source", s["file"], s["backend"], "|", s["condition"], "|", *s["mypy_args"], "|", *s["modules"])
for u in c.get("unread", []):
    print("unread", "%s:%s" % (u["file"], u["line"]), u["reason"])'
}
expect() { # expect DIR SOURCE MODULES...
	local dir=$1 source=$2
	shift 2
	local got want
	got=$(report "$dir" | sed -n 's/^set //p')
	want="$source${*:+ $*}"
	check "$dir: got '$got', want '$want'" [ "$got" = "$want" ]
}
has() { # has DIR LINE: the report holds exactly this line
	report "$1" >"$tmp/$1.out"
	check "$1: '$2' in $(tr '\n' ';' <"$tmp/$1.out")" grep -qxF -- "$2" "$tmp/$1.out"
}

expect setup_literal "setup.py mypycify" app/a.py
expect setup_variable "setup.py mypycify" app/b.py
expect hatch_include "pyproject.toml hatch-mypyc" app/a.py
expect hatch_default "pyproject.toml hatch-mypyc" app/a.py app/b.py

expect setup_glob "setup.py mypycify" src/app/__init__.py src/app/core.py src/app/sub/deep.py
has setup_glob "source setup.py mypycify | APP_USE_MYPYC=1 | | src/app/__init__.py src/app/core.py src/app/sub/deep.py"

expect setup_lists "setup.py mypycify" app/a.py app/b.py app/d.py app/e.py app/sub/c.py
has setup_lists "source setup.py mypycify | None | --strict | app/a.py app/b.py app/d.py app/e.py app/sub/c.py"

expect setup_blacklist "setup.py mypycify" app/__init__.py app/core.py app/sub/__init__.py app/sub/fast.py
has setup_blacklist "source setup.py mypycify | --use-mypyc on the command line or APP_USE_MYPYC=1 | --config-file=mypy_self.ini | app/__init__.py app/core.py app/sub/__init__.py app/sub/fast.py"

expect hatch_exclude "pyproject.toml hatch-mypyc" src/app/__init__.py src/app/core.py
has hatch_exclude "source pyproject.toml hatch-mypyc | HATCH_BUILD_HOOKS_ENABLE=true or HATCH_BUILD_HOOK_ENABLE_MYPYC=true (enable-by-default = false) | --config-file mypy_build.ini | src/app/__init__.py src/app/core.py"

expect subproject "appc/setup.py mypycify" app/core.py app/parsers/a.py app/parsers/b.py
report subproject >"$tmp/subproject.out"
check "subproject: one source, not the test fixture's setup.py: $(grep -c '^source' "$tmp/subproject.out")" \
	grep -qxF "source appc/setup.py mypycify | None | | app/core.py app/parsers/a.py app/parsers/b.py" "$tmp/subproject.out"
check "subproject: nothing from tests/fixtures" bash -c "! grep -q fixtures '$tmp/subproject.out'"
# the snippet goes into appc/setup.py: its paths are from that directory
"$bin" scan --no-cache --fail-on none --show-plan fixtures/compile_sets/subproject >"$tmp/subproject.txt"
check "subproject: the snippet names appc/setup.py" grep -qxF "  # appc/setup.py (setuptools)" "$tmp/subproject.txt"
check "subproject: snippet paths from appc/" grep -qxF '      "../app/core.py",' "$tmp/subproject.txt"

expect setup_unread "setup.py mypycify" app/a.py
has setup_unread "unread setup.py:12 mypycify's list: a call to build_helpers.discover(), which the reader does not follow"
has setup_unread "unread setup.py:8 mypycify's list: a while loop, which the reader does not follow"

# A setup.py built to exhaust the reader: strings and paths doubled, runaway
# recursion, a walk of the checkout -- bounded, said, and the rest still read.
expect setup_hostile "setup.py mypycify" pkg/a.py
has setup_hostile "unread setup.py:6 mypycify's list: a string too long to follow"
has setup_hostile "unread setup.py:14 mypycify's list: calls nested too deep"

# The text report names the build file, its condition, and what it could not read.
"$bin" scan --no-cache --fail-on none --show-plan fixtures/compile_sets/setup_unread >"$tmp/unread.txt"
check "text: the source line" \
	grep -qxF "  from setup.py (mypycify): 1 module" "$tmp/unread.txt"
check "text: the unread call" \
	grep -qxF "  not read: setup.py:12: mypycify's list: a call to build_helpers.discover(), which the reader does not follow (its modules are missing from this set)" "$tmp/unread.txt"
"$bin" scan --no-cache --fail-on none --show-plan fixtures/compile_sets/setup_glob >"$tmp/glob.txt"
check "text: the condition" \
	grep -qxF "  from setup.py (mypycify, when APP_USE_MYPYC=1): 3 modules" "$tmp/glob.txt"
# What the build leaves out on purpose (hatch-mypyc's exclude, a filter or
# remove() in setup.py) is not proposed again: the plan says "excluded".
excluded() { # excluded DIR: the modules whose plan reason is "excluded"
	"$bin" scan --no-cache --fail-on none --format json "fixtures/compile_sets/$1" | python3 -c '
import json, sys
print(*[m["path"] for m in json.load(sys.stdin)["modules"] if (m.get("plan") or {}).get("reason") == "excluded"])'
}
got=$(excluded hatch_exclude)
check "hatch_exclude: excluded $got" [ "$got" = "src/app/__main__.py src/app/cli/__init__.py src/app/cli/main.py src/app/core_debug.py" ]
got=$(excluded setup_exclude)
check "setup_exclude: excluded $got" [ "$got" = "app/cli.py app/debug.py" ]
expect setup_exclude "setup.py mypycify" app/__init__.py app/core.py app/extra.py
# ... and says so under its own heading, never "nothing would run faster"
"$bin" scan --no-cache --fail-on none --show-plan fixtures/compile_sets/hatch_exclude >"$tmp/excl.txt"
check "text: excluded modules under their own heading, with the file that excludes them" \
	bash -c "grep -qxF 'Left out by the build on purpose (4; never proposed):' '$tmp/excl.txt' &&
		grep -qxF '  src/app/core_debug.py  excluded in pyproject.toml (hatch-mypyc)' '$tmp/excl.txt'"
check "text: no 'Not worth compiling' for them" bash -c "! grep -q '^Not worth compiling' '$tmp/excl.txt'"
"$bin" scan --no-cache --fail-on none --show-plan fixtures/compile_sets/setup_exclude >"$tmp/excl2.txt"
check "text: a setup.py filter names setup.py" grep -qxF '  app/debug.py  excluded in setup.py (mypycify)' "$tmp/excl2.txt"
"$bin" audit --no-cache --format md fixtures/compile_sets/hatch_exclude >"$tmp/excl.md"
check "audit md: a 'Left out by the build' table, not 'Not worth compiling'" \
	bash -c "grep -qxF '### Left out by the build' '$tmp/excl.md' &&
		grep -qxF '| \`src/app/core_debug.py\` | 0.0% | pyproject.toml (hatch-mypyc) |' '$tmp/excl.md' &&
		sed -n '/^### Not worth/,/^### Left/p' '$tmp/excl.md' | grep -q 'planned, blocked or left out by the build'"
check "audit md: the verdict counts them apart" grep -qF "The build leaves 4 out on purpose; the plan never proposes them." "$tmp/excl.md"
check "audit md: the not-shipped count even when nothing is idle" \
	grep -qF "2 more modules are not shipped (scope: hatch:" "$tmp/excl.md"
"$bin" audit --no-cache --format html fixtures/compile_sets/hatch_exclude >"$tmp/excl.html"
check "audit html: a 'Left out by the build' table" \
	bash -c "grep -qF '<h3>Left out by the build</h3>' '$tmp/excl.html' &&
		grep -qF '<p>0 modules: compiled, nothing in them would run faster' '$tmp/excl.html'"

finish
