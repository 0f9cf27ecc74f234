#!/usr/bin/env bash
# The current compile set, read from setup.py (mypycify with a list literal or
# a module-level variable; options skipped; directories cover their files) and
# pyproject.toml (hatch-mypyc include/exclude; no include means every module).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
expect() { # expect DIR SOURCE MODULES...
	local dir=$1 source=$2
	shift 2
	local got want
	got=$("$bin" scan --fail-on none --format json "fixtures/compile_sets/$dir" | python3 -c '
import json, sys
c = json.load(sys.stdin)["plan"].get("current") or {}
print(c.get("source", "none"), *c.get("modules", []))')
	want="$source${*:+ $*}"
	check "$dir: got '$got', want '$want'" [ "$got" = "$want" ]
}
expect setup_literal "setup.py mypycify" app/a.py
expect setup_variable "setup.py mypycify" app/b.py
expect hatch_include "pyproject.toml hatch-mypyc" app/a.py
expect hatch_default "pyproject.toml hatch-mypyc" app/a.py app/b.py
finish
