#!/usr/bin/env bash
# The option table seen from outside: each command's --help lists its own
# options and no other, an option a command does not take is a usage error
# naming both, unknown options and missing values exit 2 with one line, and
# README's Usage table names exactly the options the help lists.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$1
says() { # says PATTERN ARGS...: stderr of the command matches PATTERN
	local pattern=$1
	shift
	local err
	err=$("$bin" "$@" 2>&1 >/dev/null) || true
	grep -qE -- "$pattern" <<<"$err"
}
options_of() { # options_of ARGS...: the options the help rows name, one a line
	"$bin" "$@" | grep -oE '^  (-[A-Za-z], |    )--[a-z-]+' | grep -oE -- '-[A-Za-z]\b|--[a-z-]+' | sort -u
}
lists() { # lists COMMAND OPTION: COMMAND --help has a row for OPTION
	options_of "$1" --help | grep -qx -- "$2"
}
scratch options

scan_only=(--fail-on --min-coverage --diff --summary --write-baseline --baseline --color)
shared=(--jobs -j --exclude --select --ignore --mypyc-version --profile --rev
	--report-unused-ignores --cache-dir --no-cache)
everywhere=(--format -f --output -o --help -h --version -V)
for o in "${scan_only[@]}" "${shared[@]}" "${everywhere[@]}"; do
	check "scan --help lists $o" lists scan "$o"
done
for o in "${shared[@]}" "${everywhere[@]}" --timestamp; do
	check "audit --help lists $o" lists audit "$o"
done
check "scan --help does not list --timestamp" bash -c "! '$bin' scan --help | grep -q -- --timestamp"
for o in "${scan_only[@]}"; do
	check "audit --help does not list $o" bash -c "! '$bin' audit --help | grep -qE -- '(^| )$o( |$)'"
done
check "rules --help lists exactly its options" \
	test "$(options_of rules --help | tr '\n' ' ')" = "$(printf '%s\n' "${everywhere[@]}" | sort | tr '\n' ' ')"
check "--help lists the commands" bash -c "'$bin' --help | grep -q '^  audit '"
check "scan --help is scan's" bash -c "'$bin' scan --help | head -1 | grep -qx 'usage: mypyc-scout scan \[OPTIONS\] \[PATH...\]'"
check "scan -h is scan --help" cmp -s <("$bin" scan -h) <("$bin" scan --help)
check "help audit is audit --help" cmp -s <("$bin" help audit) <("$bin" audit --help)
check "help is --help" cmp -s <("$bin" help) <("$bin" --help)
check "no arguments is --help" cmp -s <("$bin") <("$bin" --help)
check "-h is --help" cmp -s <("$bin" -h) <("$bin" --help)
check "--help before the command is the command's help" cmp -s <("$bin" --help scan) <("$bin" scan --help)

check "unknown option" usage_error scan --bogus
check "unknown option: says which" says "unknown option '--bogus'" scan --bogus
check "a flag takes no =value" usage_error scan --no-cache=1
check "value option without value" usage_error scan --baseline
check "value option without value: says which" says '^mypyc-scout: error: option --baseline needs a value$' scan --baseline
check "short option without value" says '^mypyc-scout: error: option -j needs a value$' audit -j
check "help for an unknown command" usage_error help frobnicate
for case in "scan --timestamp:--timestamp" "audit --diff main:--diff" "audit --fail-on none:--fail-on" \
	"rules --jobs 2:--jobs" "rules -j 2:--jobs" "rules --no-cache:--no-cache"; do
	args=${case%:*} option=${case#*:}
	read -ra argv <<<"$args"
	set -- "${argv[@]}"
	check "$args: usage error" usage_error "$@" fixtures/projects/sample
	check "$args: names the option and the command" \
		says "^mypyc-scout: error: option $option is for [a-z ,]+, not $1 " "$@"
done
check "an option before the command is checked too" says "option --timestamp is for audit, not scan" --timestamp scan
check "--opt=VALUE" bash -c "'$bin' scan --fail-on=none --format=json --jobs=2 fixtures/projects/sample | python3 -m json.tool >/dev/null"

# README's Usage table (between "## Usage" and the next heading) against the help.
python3 - >"$tmp/readme" <<'EOF'
import re
usage = open("README.md").read().split("\n## Usage\n", 1)[1].split("\n#", 1)[0]
for line in usage.splitlines():
    if line.startswith("| `"):
        cell = re.split(r"(?<!\\)\|", line)[1]
        print("\n".join(re.findall(r"`(-[A-Za-z]|--[a-z-]+)\b", cell)))
EOF
sort -u "$tmp/readme" -o "$tmp/readme"
for c in scan audit rules; do options_of "$c" --help; done | sort -u >"$tmp/help"
check "README's Usage table names every option of the help, and no other" diff "$tmp/help" "$tmp/readme"
finish
