#!/usr/bin/env bash
# README's rule table is generated from the rule tables; this fails when it is
# stale (regenerate with: bash scripts/update-readme-rules.sh build/mypyc-scout).
set -euo pipefail
bin=$1
expected=$("$bin" rules --format markdown)
actual=$(python3 -c '
import sys
readme = open("README.md").read()
print(readme.split("<!-- rules:begin -->\n", 1)[1].split("<!-- rules:end -->", 1)[0], end="")')
if [ "$expected" != "$actual" ]; then
	diff <(echo "$actual") <(echo "$expected") || true
	echo "README.md rule table is stale: run bash scripts/update-readme-rules.sh $bin" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
echo "1 passed, 0 failed"
