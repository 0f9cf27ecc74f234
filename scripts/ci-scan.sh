#!/usr/bin/env bash
# The scan a CI job runs; action.yml calls it, and tests/cli/ci_action.sh runs
# it against a throw-away repository, so both run the same commands.
#   scripts/ci-scan.sh BINARY [BASE] [-- extra scan args...]
# With BASE (a pull request's target branch), only findings on changed lines
# are annotated; the job summary goes to $GITHUB_STEP_SUMMARY when it is set.
set -euo pipefail
bin=$1
shift
base=
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
	base=$1
	shift
fi
[ "${1:-}" = "--" ] && shift
args=(scan --format github)
if [ -n "$base" ]; then
	args+=(--diff "$base")
fi
exec "$bin" "${args[@]}" "$@"
