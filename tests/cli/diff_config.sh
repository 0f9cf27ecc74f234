#!/usr/bin/env bash
# --diff judges each side by its own configuration (issue 17, item 8 for
# --diff): the work tree's modules by the work tree's pyproject.toml, mypy
# configuration and mypyc pin, the merge base's versions of the changed
# modules by the merge base's (read from that commit, as --rev reads it).
# A finding is "new" when it is on an added line or its module's verdict is
# worse than the base's, each verdict under its own side's configuration:
# - a pin upgrade (mypy==1.0.1 -> 1.15.0) beside a new blocker does not make
#   the module's old findings new (the base was blocked under 1.0.1 already);
# - a pin downgrade that breaks an unchanged line does make the module worse
#   (it compiled under the base's pin), so that line is shown and gates;
# - [tool.mypy] strict_optional = false at the base (mypyc compiles nothing)
#   is the base's, not the work tree's;
# - so is the base's [tool.mypy] python_version (the target Python);
# - the base is scanned as a whole project (--rev <merge base>), so findings
#   of the project stage (classes across modules) count on both sides.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
scratch diffcfg

pyproject() { # pyproject PIN [MYPY-TABLE-LINE]
	cat <<TOML
[build-system]
requires = ["setuptools", "mypy==$1"]
build-backend = "setuptools.build_meta"

[project]
name = "p"
version = "1"
TOML
	if [ $# -gt 1 ]; then printf '\n[tool.mypy]\n%s\n' "$2"; fi
}

module() { # the module both sides share: an IntEnum member read (a blocker
	# before mypyc 1.15), a non-native Enum and an Any signature (never blockers)
	cat <<'PY'
from enum import IntEnum
from typing import Any


class Level(IntEnum):
    LOW = 1


def low() -> int:
    return Level.LOW


def ident(x: Any) -> Any:
    return x
PY
}

nested() { # appended by the change: a blocker under every pin
	printf '\n\ndef outer() -> None:\n    class Inner:\n        pass\n'
}

shown() { # shown [BASE]: the findings --diff BASE (HEAD~1) keeps in pkg/m.py, as
	# rule:line, sorted
	"$bin" scan --no-cache --fail-on none --format json --diff "${1:-HEAD~1}" . |
		python3 -c 'import json,sys
d = json.load(sys.stdin)
print(" ".join(sorted("%s:%d" % (f["rule"], f["line"]) for m in d["modules"]
                      if m["path"] == "pkg/m.py" for f in m["findings"])))'
}

new_repo() { # new_repo NAME: a repository with pkg/m.py at its first commit
	git_repo "$tmp/$1"
	mkdir pkg
	touch pkg/__init__.py
	module >pkg/m.py
}

# 1. Pin upgrade plus a new blocker: only the new blocker is new.
new_repo up
pyproject 1.0.1 >pyproject.toml
git add -A && git commit -qm base
pyproject 1.15.0 >pyproject.toml
nested >>pkg/m.py
git commit -qam change
got=$(shown)
check "pin upgrade: only the added blocker is new, got '$got'" \
	[ "$got" = "nested-class:18" ]
# The same change uncommitted (staged) on top of the base: --diff HEAD.
git reset -q --soft HEAD~1
got=$(shown HEAD)
check "pin upgrade in the work tree: only the added blocker is new, got '$got'" \
	[ "$got" = "nested-class:18" ]
# From a subdirectory, naming a file: the same base, no fallback warning.
got=$(cd pkg && "$bin" scan --no-cache --fail-on none --format json --diff HEAD m.py 2>"$tmp/err" |
	python3 -c 'import json,sys; print(" ".join(sorted("%s:%d" % (f["rule"], f["line"]) for m in json.load(sys.stdin)["modules"] for f in m["findings"])))')
check "pin upgrade, from pkg/ naming m.py: only the added blocker, got '$got'" \
	[ "$got" = "nested-class:18" ]
check "pin upgrade, from pkg/: no warning ($(cat "$tmp/err"))" [ ! -s "$tmp/err" ]
got=$(cd pkg && "$bin" scan --no-cache --fail-on none --format json --diff HEAD 2>"$tmp/err" |
	python3 -c 'import json,sys; print(" ".join(sorted("%s:%d" % (f["rule"], f["line"]) for m in json.load(sys.stdin)["modules"] for f in m["findings"])))')
check "pin upgrade, from pkg/ without paths: only the added blocker, got '$got'" \
	[ "$got" = "nested-class:18" ]
check "pin upgrade, from pkg/ without paths: no warning ($(cat "$tmp/err"))" [ ! -s "$tmp/err" ]

# 2. Pin downgrade that breaks an unchanged line: the module got worse.
new_repo down
pyproject 1.15.0 >pyproject.toml
git add -A && git commit -qm base
pyproject 1.0.1 >pyproject.toml
printf '\n\ndef two() -> int:\n    return 2\n' >>pkg/m.py
git commit -qam change
got=$(shown)
check "pin downgrade: the module got worse, its findings are new, got '$got'" \
	[ "$got" = "any-typed:13 enum-member-static-undeclared:10 enum-nonnative:5" ]
"$bin" scan --no-cache --diff HEAD~1 . >"$tmp/down.txt" 2>&1 && rc=0 || rc=$?
check "pin downgrade: --diff fails on the broken line (exit $rc)" [ "$rc" = 1 ]
check "pin downgrade: the text report says it got worse" \
	grep -q 'pkg/m.py  needs-changes -> blocked' "$tmp/down.txt"

# 3. The base's [tool.mypy] strict_optional = false (every module blocked)
# is the base's configuration; the change removes it and adds a blocker.
new_repo mypycfg
pyproject 1.15.0 'strict_optional = false' >pyproject.toml
git add -A && git commit -qm base
pyproject 1.15.0 >pyproject.toml
nested >>pkg/m.py
git commit -qam change
got=$(shown)
check "base mypy configuration: only the added blocker is new, got '$got'" \
	[ "$got" = "nested-class:18" ]

# 4. The target Python: [tool.mypy] python_version 3.12 -> 3.9 makes a
# version-guarded branch (dead for mypy on 3.12) reachable, and its nested
# class a blocker; the module got worse although that line is untouched.
git_repo "$tmp/target"
mkdir pkg
touch pkg/__init__.py
printf 'import sys\n\nif sys.version_info < (3, 11):\n\n    def outer() -> None:\n        class Inner:\n            pass\n' >pkg/m.py
pyproject 1.15.0 'python_version = "3.12"' >pyproject.toml
git add -A && git commit -qm base
pyproject 1.15.0 'python_version = "3.9"' >pyproject.toml
printf '\n\ndef two() -> int:\n    return 2\n' >>pkg/m.py
git commit -qam change
got=$(shown)
check "python_version 3.12 -> 3.9: the module got worse, got '$got'" [ "$got" = "nested-class:6" ]

# 5. The base is scanned as a project, as the work tree is: a finding only
# the project stage sees (multiple-inheritance through bases of another
# module) on an untouched line of an edited module is not new.
git_repo "$tmp/project"
mkdir pkg
touch pkg/__init__.py
printf 'class A:\n    pass\n\n\nclass B:\n    pass\n' >pkg/core.py
printf 'from pkg.core import A, B\n\n\nclass C(A, B):\n    pass\n' >pkg/m.py
git add -A && git commit -qm base
printf '\n\ndef two() -> int:\n    return 2\n' >>pkg/m.py
got=$(shown HEAD)
check "a cross-module blocker on an untouched line is not new, got '$got'" [ -z "$got" ]
rc=0
"$bin" scan --no-cache --diff HEAD . >/dev/null 2>&1 || rc=$?
check "a cross-module blocker on an untouched line does not fail --diff (exit $rc)" [ "$rc" = 0 ]

# 6. A merge base whose configuration does not resolve: a warning, and the
# work tree's configuration judges it (the report still comes).
new_repo broken
printf '[tool.mypyc-scout]\nmypyc-version = "banana"\n' >pyproject.toml
git add -A && git commit -qm base
pyproject 1.15.0 >pyproject.toml
nested >>pkg/m.py
git commit -qam change
rc=0
"$bin" scan --no-cache --fail-on none --diff HEAD~1 . >/dev/null 2>"$tmp/err" || rc=$?
check "broken base configuration: exit $rc" [ "$rc" = 0 ]
check "broken base configuration: a warning" \
	grep -q "warning: --diff: the merge base does not scan with its own configuration" "$tmp/err"
finish
