#!/usr/bin/env bash
# Keeps rule fixtures honest with the real compiler (Debian's mypyc 1.0.1):
# for rules whose effect 1.0.1 already has, bad.py must fail to compile and
# good.py must build. Slow (seconds per module): labelled `mypyc` in ctest.
set -euo pipefail
rules=(except-star classvar-assign-via-class instance-attr-via-class
	deletable-not-literal-list async-generator untyped-property inferred-none-local
	inferred-none-in-loop narrowed-none-parameter untyped-base-init final-local
	unreachable-statement finally-jump
	ignored-incompatible-override)
if ! command -v mypyc >/dev/null; then
	echo "mypyc not found (scripts/setup-deps.sh --test installs Debian's mypy)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
pass=0
fail=0
for id in "${rules[@]}"; do
	for kind in bad good; do
		d=$(mktemp -d /tmp/scout-mypyc-XXXXXX)
		cp "fixtures/rules/$id/$kind.py" "$d/case.py"
		if (cd "$d" && timeout 300 mypyc case.py >"$d/log" 2>&1); then built=yes; else built=no; fi
		want=$([ "$kind" = good ] && echo yes || echo no)
		if [ "$built" = "$want" ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL $id/$kind.py: built=$built, expected $want" >&2
			tail -5 "$d/log" >&2
		fi
		rm -rf "$d"
	done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
