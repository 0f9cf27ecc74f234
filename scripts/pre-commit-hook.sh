#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml): runs the installed
# mypyc-scout, or says how to install it. pre-commit runs this file from its
# own clone of this repository; the binary is not built here.
#   scripts/pre-commit-hook.sh [scan arguments...]
set -euo pipefail
if ! command -v mypyc-scout >/dev/null 2>&1; then
	cat >&2 <<'MSG'
mypyc-scout: not found on PATH. The hook runs an installed binary; build and
install it once from a clone of the mypyc-scout repository (README.md, "Set up"):
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build
    cmake --install build --prefix ~/.local    # then ~/.local/bin must be on PATH
MSG
	exit 1
fi
exec mypyc-scout scan "$@"
