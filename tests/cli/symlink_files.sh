#!/usr/bin/env bash
# A symlink to a file outside the scanned tree is not followed (issue 17,
# item 15), as a directory symlink is not: a `skipped` diagnostic names it,
# in a plain walk and in a git work tree (untracked). A symlink to a file
# inside the tree is still read, and a file named on the command line is
# read whatever it is.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-symlink-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
mkdir -p "$tmp/t/pkg" "$tmp/out"
printf 'def leak() -> None:\n    exec("x")\n' >"$tmp/out/secret.py"
printf 'x: int = 1\n' >"$tmp/t/pkg/real.py"
ln -s ../../out/secret.py "$tmp/t/pkg/evil.py"
ln -s real.py "$tmp/t/pkg/alias.py"
summary='" ".join(m["path"] for m in d["modules"]) + "|" + " ".join(x["path"] + ":" + x["kind"] + ":" + x["message"] for x in d["diagnostics"])'
want='pkg/alias.py pkg/real.py|pkg/evil.py:skipped:symlink to a file outside the scanned tree not followed'
got=$("$bin" scan --no-cache --fail-on none --format json "$tmp/t" | python3 -c "import json,sys; d=json.load(sys.stdin); print($summary)")
[ "$got" = "$want" ] || fail "walk: $got"
git -C "$tmp/t" init -q
got=$(cd "$tmp/t" && "$bin" scan --no-cache --fail-on none --format json . | python3 -c "import json,sys; d=json.load(sys.stdin); print($summary)")
[ "$got" = "$want" ] || fail "git work tree: $got"
got=$(cd "$tmp/t" && "$bin" scan --no-cache --fail-on none --format json pkg/evil.py | python3 -c "import json,sys; d=json.load(sys.stdin); print(len(d['modules']))")
[ "$got" = 1 ] || fail "a symlink named on the command line was not read"
echo ok
