#!/usr/bin/env bash
# scripts/add-rule.sh, run in a temp copy of the sources: the fixture folder
# and its placeholders (files for a per-module family, projects for a
# link-stage one), the stub printed with every documentation field and the
# next steps, or inserted into the family's file (the check, its entry, the
# entry last in the SCOUT_FAMILY list) so that the file still compiles and
# stays clang-formatted; usage errors change nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
scratch add-rule
for tool in clang-format cc pkg-config python3; do
	if ! command -v $tool >/dev/null; then
		echo "$tool not found (scripts/setup-deps.sh --test installs it)" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
done

src=$tmp/src
mkdir -p "$src/fixtures/rules"
cp -r scripts rules analyzer .clang-format "$src/"
cp -r fixtures/rules/nested-class "$src/fixtures/rules/"
add() { bash "$src/scripts/add-rule.sh" "$@"; }
# Family files by their SCOUT_FAMILY list, wherever rules/ keeps them: a
# per-module one, a link-stage one (mypy configuration), and a rules file
# with no list.
family() { (cd "$src" && grep -rl "^SCOUT_FAMILY(scout_family_$1" rules | sort | head -1); }
statements=$(family statements)
config=$(family project_mypy_config)
classes=$(family classes)
no_table=$(cd "$src" && grep -rL '^SCOUT_FAMILY(' rules --include='*.c' | head -1)
for f in statements config classes no_table; do
	if [ -z "${!f}" ]; then
		echo "no $f file under rules/"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
has() { grep -qF -- "$2" "$1"; }
snapshot() { (cd "$src" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
# The family file compiles as the build compiles it (includes: every include/
# folder, and rules/ with its subfolders) and is clang-formatted.
compiles() {
	local incs
	incs=$( (cd "$src" && find analyzer rules -type d -name include && find rules -type d) |
		sed "s|^|-I$src/|" | xargs)
	# shellcheck disable=SC2086
	cc -std=c11 -fsyntax-only -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
		-Wno-unused-parameter -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $incs \
		$(pkg-config --cflags tree-sitter libcjson libgit2) "$src/$1"
}
formatted() { (cd "$src" && clang-format --dry-run --Werror "$1" 2>/dev/null); }
python_ok() { python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$1"; }
# in_table FILE ID: the entry of ID is a rule object after every entry that
# was there, and the last in the file's SCOUT_FAMILY list.
in_table() {
	python3 - "$@" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
obj = "rule_" + sys.argv[2].replace("-", "_")
family = re.search(r"^SCOUT_FAMILY\(\w+,(.*?)\);", text, re.M | re.S)
listed = [x.strip() for x in family.group(1).split(",")]
entry = re.search(r"^(static )?const scout_rule %s = \{" % obj, text, re.M)
entry = entry.start() if entry else -1
entries = [m.start() for m in re.finditer(r"^(static )?const scout_rule \w+ = \{", text, re.M)]
ok = listed[-1] == "&" + obj and entry == max(entries) and entry < family.start()
ok = ok and '.id = "%s",' % sys.argv[2] in text[entry:family.start()]
sys.exit(0 if ok else 1)
PY
}

# --- print mode, per-module family -------------------------------------------
cp "$src/$statements" "$tmp/statements.c"
rc=0
add demo-rule "$statements" slow >"$tmp/out" || rc=$?
d=$src/fixtures/rules/demo-rule
check "print: exit 0" test "$rc" -eq 0
check "print: bad.py is Python naming the rule" bash -c "$(declare -f python_ok); python_ok '$d/bad.py' && grep -q demo-rule '$d/bad.py'"
check "print: good.py is Python naming the rule" bash -c "$(declare -f python_ok); python_ok '$d/good.py' && grep -q demo-rule '$d/good.py'"
check "print: expected.txt is empty until the snapshot is written" test -f "$d/expected.txt" -a ! -s "$d/expected.txt"
check "print: no project folders for a per-module rule" test ! -e "$d/bad" -a ! -e "$d/good"
check "print: the family file is untouched" cmp -s "$tmp/statements.c" "$src/$statements"
for field in '.id = "demo-rule"' '.category = SCOUT_SLOW' .title .why .bad .good .fix .docs \
	.since .until '.on = ' '.enter = check_demo_rule}' \
	'static void check_demo_rule(scout_walk *w, TSNode node, const scout_rule *self)'; do
	check "print: stub has $field" has "$tmp/out" "$field"
done
for step in 'SCOUT_UPDATE_SNAPSHOTS=1 python3 tests/snapshot/rules.py' \
	'git diff fixtures/rules/demo-rule/expected.txt' 'scripts/update-readme-rules.sh' \
	"clang-format -i $statements" 'ctest' 'tests/oracle/run_oracle.py'; do
	check "print: next steps name $step" has "$tmp/out" "$step"
done

# --- insert mode, per-module family ------------------------------------------
add --insert demo-two "$statements" behaviour >"$tmp/out"
check "insert: fixtures are files" test -f "$src/fixtures/rules/demo-two/bad.py"
check "insert: the entry ends the table" in_table "$src/$statements" demo-two
check "insert: the check comes before its entry" python3 -c '
import sys
t = open(sys.argv[1]).read()
sys.exit(0 if 0 <= t.find("static void check_demo_two(") < t.find("static const scout_rule rule_demo_two") else 1)
' "$src/$statements"
check "insert: .enter names the check" has "$src/$statements" '.enter = check_demo_two}'
check "insert: still compiles" compiles "$statements"
check "insert: still clang-formatted" formatted "$statements"

# --- insert mode, link-stage family ------------------------------------------
add --insert demo-config "$config" >"$tmp/out"
d=$src/fixtures/rules/demo-config
check "link stage: bad/ and good/ projects" test -f "$d/bad/pkg/__init__.py" -a -f "$d/good/pkg/__init__.py"
check "link stage: no bad.py" test ! -e "$d/bad.py"
check "link stage: empty expected.txt" test -f "$d/expected.txt" -a ! -s "$d/expected.txt"
check "link stage: the entry ends the table" in_table "$src/$config" demo-config
check "link stage: no check function" bash -c "! grep -q check_demo_config '$src/$config'"
check "link stage: points to scout_rules_report" has "$tmp/out" scout_rules_report
check "link stage: still compiles" compiles "$config"
check "link stage: still clang-formatted" formatted "$config"

# --- usage errors change nothing ---------------------------------------------
snapshot >"$tmp/before"
usage_error() { # usage_error DESCRIPTION ARGS...
	local what=$1 rc=0
	shift
	add "$@" >/dev/null 2>"$tmp/err" || rc=$?
	check "$what: exit 2" test "$rc" -eq 2
	check "$what: says why" grep -q 'add-rule' "$tmp/err"
}
usage_error "a fixture folder exists" nested-class "$classes"
usage_error "a rule has the id" async-generator "$classes"
usage_error "not kebab-case" Bad_Id "$classes"
usage_error "unknown category" demo-three "$classes" fatal
usage_error "no such family file" demo-three rules/nope.c
usage_error "no SCOUT_FAMILY table" demo-three "$no_table"
usage_error "missing arguments" demo-three
snapshot >"$tmp/after"
check "usage errors leave the tree as it was" cmp -s "$tmp/before" "$tmp/after"

finish
