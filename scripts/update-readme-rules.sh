#!/usr/bin/env bash
# Regenerates the rule table in README.md (between the rules:begin and
# rules:end markers) from the rule tables: bash scripts/update-readme-rules.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/mypyc-scout}
table=$(mktemp)
"$bin" rules --format markdown >"$table"
python3 - "$table" <<'PY'
import sys
table = open(sys.argv[1]).read()
readme = open("README.md").read()
begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
head, rest = readme.split(begin, 1)
_, tail = rest.split(end, 1)
open("README.md", "w").write(head + begin + table + end + tail)
PY
rm -f "$table"
