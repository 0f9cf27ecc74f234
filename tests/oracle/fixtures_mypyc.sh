#!/usr/bin/env bash
# Keeps rule fixtures honest with the real compiler (Debian's mypyc 1.0.1):
# for rules whose effect 1.0.1 already has, bad.py must fail to compile and
# good.py must build (also where good.py hides mypy's error with a type ignore,
# and bad.py uses one with a wrong code or on a wrong line); so must the
# project folders bad/ and good/ where a rule has them (every module of the
# folder compiled together, so a finding that assumes another module compiled
# holds). Slow (seconds per module): labelled `mypyc` in ctest.
set -euo pipefail
# (multiple-inheritance is not here: its good.py has a chain of native bases
# that mypyc accepts only from 1.1.1 on.)
rules=(except-star classvar-assign-via-class instance-attr-via-class
	deletable-not-literal-list async-generator nonext-inherits-ext
	interpreted-subclass-base trait-base-order assign-to-method
	classvar-assign-via-instance deletable-final deletable-item-not-str
	except-rebinds-param dunder-bool-not-bool untyped-property inferred-none-local
	inferred-none-in-loop narrowed-none-parameter untyped-base-init final-local
	unreachable-statement finally-jump
	ignored-incompatible-override annotation-unchecked enum-member-static-undeclared)
if ! command -v mypyc >/dev/null; then
	echo "mypyc not found (scripts/setup-deps.sh --test installs Debian's mypy)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
pass=0
fail=0
for id in "${rules[@]}"; do
	for kind in bad.py good.py bad/ good/; do
		[ -e "fixtures/rules/$id/$kind" ] || continue
		d=$(mktemp -d /tmp/scout-mypyc-XXXXXX)
		if [ "${kind%/}" != "$kind" ]; then
			cp -r "fixtures/rules/$id/$kind." "$d"
			modules=$(cd "$d" && find . -name '*.py' | sed 's|^\./||' | sort)
		else
			cp "fixtures/rules/$id/$kind" "$d/case.py"
			modules=case.py
		fi
		# shellcheck disable=SC2086 # one argument per module
		if (cd "$d" && timeout 300 mypyc $modules >"$d/log" 2>&1); then built=yes; else built=no; fi
		want=$([ "${kind:0:4}" = good ] && echo yes || echo no)
		if [ "$built" = "$want" ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL $id/$kind: built=$built, expected $want" >&2
			tail -5 "$d/log" >&2
		fi
		rm -rf "$d"
	done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
