#!/usr/bin/env bash
# Installs the Debian packages mypyc-scout needs, skipping those present.
#   bash scripts/setup-deps.sh          build and run
#   bash scripts/setup-deps.sh --test   also what the test suite needs
set -euo pipefail

packages=(gcc make cmake pkg-config git
	libtree-sitter-dev libcjson-dev libgit2-dev)
if [ "${1:-}" = "--test" ]; then
	packages+=(clang clang-format libclang-rt-14-dev python3 mypy python3-dev chromium valgrind cmark-gfm)
fi

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
# npm fetches the grammars; a machine may have it from another Node.js build.
if ! command -v npm >/dev/null 2>&1; then
	missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=
if [ "$(id -u)" -ne 0 ]; then
	sudo=sudo
fi
echo "setup-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
	"${missing[@]}" >&2
