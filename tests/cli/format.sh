#!/usr/bin/env bash
# Every C file is formatted with the root .clang-format (Debian clang-format).
set -euo pipefail
if ! command -v clang-format >/dev/null; then
	echo "clang-format not found (scripts/setup-deps.sh --test installs it)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
mapfile -t files < <(git ls-files '*.c' '*.h' 2>/dev/null || find analyzer rules reporters tests bench -name '*.[ch]')
bad=0
for f in "${files[@]}"; do
	if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
		echo "not formatted: $f (run clang-format -i $f)" >&2
		bad=$((bad + 1))
	fi
done
echo "$((${#files[@]} - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
