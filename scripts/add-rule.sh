#!/usr/bin/env bash
# Scaffolds a new rule (like ruff's add_rule):
#   bash scripts/add-rule.sh [--insert] RULE-ID FAMILY-FILE [CATEGORY]
# RULE-ID      kebab-case, new (ids are never reused: `mypyc-scout rules` lists those taken)
# FAMILY-FILE  the rules file of the construct (rules/<folder>/<file>.c, see
#              rules/README.md), which ends with SCOUT_FAMILY(name, &rule_a, ...)
# CATEGORY     blocker (default), non-native, behaviour or slow
# --insert     put the stub into FAMILY-FILE (the check, then its entry
#              `static const scout_rule rule_<id>`, before the SCOUT_FAMILY
#              list, which gets &rule_<id> last) instead of printing it
#
# Creates fixtures/rules/RULE-ID/ with placeholders: bad.py and good.py, or
# bad/ and good/ projects when FAMILY-FILE is a link-stage family (it reports
# through scout_rules_report), and an empty expected.txt. The snapshot test
# fails until the rule fires in the bad cases and the snapshot is written;
# the next steps are printed at the end. Exit 0, or 2 on a usage error (then
# nothing is created or changed).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
	echo "usage: bash scripts/add-rule.sh [--insert] RULE-ID FAMILY-FILE [CATEGORY]" >&2
	[ $# -eq 0 ] || echo "add-rule: $*" >&2
	exit 2
}

insert=0
if [ "${1:-}" = --insert ]; then
	insert=1
	shift
fi
[ $# -ge 2 ] && [ $# -le 3 ] || usage
id=$1
family=$2
category=${3:-blocker}

[[ $id =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || usage "'$id' is not a kebab-case rule id"
case $category in
blocker) enum=SCOUT_BLOCKER ;;
non-native) enum=SCOUT_NON_NATIVE ;;
behaviour) enum=SCOUT_BEHAVIOUR ;;
slow) enum=SCOUT_SLOW ;;
*) usage "unknown category '$category' (blocker, non-native, behaviour, slow)" ;;
esac
[ -f "$family" ] || usage "no family file '$family'"
grep -q '^SCOUT_FAMILY(scout_family_[A-Za-z0-9_]*, *&' "$family" ||
	usage "$family has no SCOUT_FAMILY(scout_family_..., &rule_...) list"
if [ -e "fixtures/rules/$id" ] || grep -rqF "\"$id\"" rules analyzer; then
	usage "'$id' is taken (a fixture folder or a rule or alias in rules/ or analyzer/ has it)"
fi

# Link-stage families report from a project-wide pass, not a module walk.
project=0
if grep -q 'scout_rules_report(' "$family"; then
	project=1
fi
fn=check_${id//-/_}
obj=rule_${id//-/_}

# --- the stub -----------------------------------------------------------------
check_stub() {
	cat <<EOF
/* TODO($id): what the check looks for, and what it leaves alone. */
static void $fn(scout_walk *w, TSNode node, const scout_rule *self)
{
	/* scout_walk_report(w, self, node, "<one sentence: name the thing, say mypyc's effect>",
	 *                   NULL); */
}
EOF
}

entry_stub() {
	if [ $project = 1 ]; then
		cat <<EOF
/* TODO($id): link stage, no .on/.enter: report it with
 * scout_rules_report(m, &$obj, ...) from this file's project-wide check. */
EOF
	fi
	cat <<EOF
static const scout_rule $obj = {
    .id = "$id",
    .category = $enum,
    .title = "TODO: the construct, in a few words (README's rule table)",
    .why = "TODO: mypyc's message, quoted: mypyc reports \\"...\\"",
    .bad = "TODO: Python that fires\\n",
    .good = "TODO: the same, fixed\\n",
    .fix = "TODO: one concrete sentence",
    .docs = "https://mypyc.readthedocs.io/en/latest/",
    .since = 0,
EOF
	if [ $project = 1 ]; then
		echo '    .until = 0};'
	else
		cat <<EOF
    .until = 0,
    .on = "module", /* TODO: the node type the check is called on */
    .enter = $fn};
EOF
	fi
}

# --- the fixtures ---------------------------------------------------------------
dir=fixtures/rules/$id
mkdir -p "$dir"
if [ $project = 1 ]; then
	mkdir -p "$dir/bad/pkg" "$dir/good/pkg"
	cat >"$dir/bad/pkg/__init__.py" <<EOF
# A small project scanned as a whole (with tests/, mypy.ini, pyproject.toml as
# the rule needs) in which $id must fire: one module per situation.
EOF
	cat >"$dir/good/pkg/__init__.py" <<EOF
# The same project fixed, and look-alikes in which $id must not fire.
EOF
else
	cat >"$dir/bad.py" <<EOF
# Lines that must fire $id: each form of the construct that users write,
# one case per line or block (check them with the real mypyc where it can say).
EOF
	cat >"$dir/good.py" <<EOF
# Look-alikes that must not fire $id: the fixed form of each bad.py case, and
# near misses (the compiled cases under tests/oracle/cases/ have ideas).
EOF
fi
: >"$dir/expected.txt"

# --- the family file --------------------------------------------------------------
if [ $insert = 1 ]; then
	stub_check=$(if [ $project = 0 ]; then check_stub; fi)
	stub_entry=$(entry_stub)
	STUB_CHECK=$stub_check STUB_ENTRY=$stub_entry python3 - "$family" "$obj" <<'PY'
import os, re, sys
path, obj = sys.argv[1], sys.argv[2]
text = open(path).read()
family = re.search(r"^SCOUT_FAMILY\(scout_family_\w+,.*?\);", text, re.M | re.S)
listed = family.group(0)[: -len(");")] + ", &%s);" % obj
stub = [os.environ["STUB_CHECK"], os.environ["STUB_ENTRY"]]
text = (text[: family.start()] + "\n\n".join(s for s in stub if s) + "\n\n" + listed +
        text[family.end():])
open(path, "w").write(text)
PY
	clang-format -i "$family" 2>/dev/null || true
	echo "add-rule: inserted $id into $family ($obj, last in its SCOUT_FAMILY list)"
else
	echo "add-rule: paste into $family:"
	echo
	echo "--- before its SCOUT_FAMILY(...) list:"
	if [ $project = 0 ]; then
		check_stub
		echo
	fi
	entry_stub
	echo
	echo "--- then add &$obj at the end of that list"
fi

# --- next steps -------------------------------------------------------------------
if [ $project = 1 ]; then
	cases="$dir/bad/ (must fire) and $dir/good/ (must not)"
else
	cases="$dir/bad.py (must fire) and $dir/good.py (must not)"
fi
cat <<EOF

add-rule: created $dir/ ($(cd "$dir" && find . -type f | sed 's|^\./||' | sort | xargs)). Next:
  1. Fill in the entry $obj: id and category from what mypyc reports (check with tests/oracle/run_oracle.py), every TODO,
     and since/until (SCOUT_V(major, minor, patch)) from its version notes.
EOF
if [ $project = 1 ]; then
	cat <<EOF
  2. Report it from $family's project-wide check with scout_rules_report(), and
     call that check from the link stage if it is a new one.
EOF
else
	cat <<EOF
  2. Write $fn: set .on to the node type, report with scout_walk_report();
     messages are one sentence, lower-case, name the thing and say mypyc's effect.
EOF
fi
cat <<EOF
  3. Write the cases: $cases.
  4. Build, then write the snapshot and read every message in it:
       cmake --build build -j2
       SCOUT_UPDATE_SNAPSHOTS=1 python3 tests/snapshot/rules.py build/mypyc-scout
       git diff $dir/expected.txt
  5. Regenerate README's rule list: bash scripts/update-readme-rules.sh build/mypyc-scout
  6. clang-format -i $family, then run the suite: (cd build && ctest --output-on-failure -j2)
See docs/writing-rules.md.
EOF
