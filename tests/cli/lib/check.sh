# shellcheck shell=bash disable=SC2120
# Sourced by the tests in tests/cli (this folder is not a test itself): the
# tally of checks every one of them prints last, the usage-error check, a
# scratch directory, and a throw-away git repository.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
#   scratch ci                 # $tmp: a new directory, removed at exit
#   check "what it shows" COMMAND ARGS...
#   finish                     # "N passed, N failed"; fails when any failed

pass=0
fail=0

ok() { # ok [WHAT]: counts a pass; names it when given
	pass=$((pass + 1))
	if [ $# -gt 0 ]; then echo "ok: $*"; fi
}

bad() { # bad WHAT: counts a failure and names it on stderr
	echo "FAIL: $*" >&2
	fail=$((fail + 1))
}

check() { # check WHAT COMMAND...: runs COMMAND; a pass, or a failure named WHAT
	local what=$1
	shift
	if "$@"; then ok; else bad "$what"; fi
}

finish() { # the closing line; the script's status when it is its last command
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

usage_error() { # usage_error ARGS...: $bin ARGS exits 2 with one "mypyc-scout: ..." line on stderr
	local err rc=0
	err=$("$bin" "$@" 2>&1 >/dev/null) || rc=$?
	[ "$rc" -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ $err == mypyc-scout:* ]]
}

scratch() { # scratch NAME: $tmp is a new directory /tmp/scout-NAME-*, removed at exit
	tmp=$(mktemp -d "/tmp/scout-$1-XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
}

git_repo() { # git_repo DIR: a new repository on branch main with a committer; cd into it
	git init -q -b main "$1"
	cd "$1" || return
	git config user.email ci@example.invalid
	git config user.name ci
}
