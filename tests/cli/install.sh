#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the binary, the man page and the
# bash and zsh completions, the last three generated from the option table
# (every option of the help is in each). Then the integration files: the
# pre-commit hook checks for the binary, action.yml never expands an input
# inside a script, caches the build and can upload SARIF, and README's
# workflow examples carry no placeholders.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
bin=$(realpath "$1")
build=$(dirname "$bin")
scratch install
p=$tmp/prefix
cmake --install "$build" --prefix "$p" >"$tmp/log"
check "the binary" bash -c "\"\$1\" --version >/dev/null" _ "$p/bin/mypyc-scout"
man=$p/share/man/man1/mypyc-scout.1
bash_completion=$p/share/bash-completion/completions/mypyc-scout
zsh_completion=$p/share/zsh/site-functions/_mypyc-scout
check "the man page" test -s "$man"
check "the bash completion" test -s "$bash_completion"
check "the zsh completion" test -s "$zsh_completion"
check "the man page says it is generated" grep -q 'Generated from analyzer/app/cli.c' "$man"

options=$(for c in scan audit rules; do "$bin" "$c" --help; done | grep -oE '^  (-[A-Za-z], |    )--[a-z-]+' | grep -oE -- '--[a-z-]+' | sort -u)
if command -v man >/dev/null; then
	MANWIDTH=200 man -l "$man" >"$tmp/man.txt" 2>"$tmp/man.err"
	check "man renders it without warnings" test ! -s "$tmp/man.err"
	for o in $options; do
		check "the man page documents $o" grep -qF -- "$o" "$tmp/man.txt"
	done
fi

check "the bash completion is valid bash" bash -n "$bash_completion"
complete_words() { # complete_words WORD...: what the bash completion offers for the last word
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _mypyc_scout; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" mypyc-scout "$@"
}
check "completes commands" test "$(complete_words sc)" = scan
check "completes a command's options" test "$(complete_words scan --exc)" = --exclude
check "completes an option's values" test "$(complete_words scan --fail-on b | tr '\n' ' ')" = "blocker behaviour "
check "completes rule ids" test "$(complete_words rules builtin-ba)" = builtin-base
check "does not offer another command's options" test -z "$(complete_words rules --tim)"
for o in $options; do
	check "the bash completion knows $o" grep -qF -- " $o" "$bash_completion"
	check "the zsh completion knows $o" grep -qF -- "$o" "$zsh_completion"
done
if command -v zsh >/dev/null; then
	check "the zsh completion is valid zsh" zsh -n "$zsh_completion"
	zsh_words() { # zsh_words WORDS: what compinit, loading the installed file, offers after WORDS
		rm -f "$tmp/zsh.out"
		zsh "$(dirname "${BASH_SOURCE[0]}")/lib/zsh-complete.zsh" "$(dirname "$zsh_completion")" "$1" "$tmp/zsh.out"
		[ -f "$tmp/zsh.out" ] && sort -u "$tmp/zsh.out" | tr '\n' ' '
	}
	check "zsh: compinit loads it and completes commands" test "$(zsh_words 'mypyc-scout sc')" = "scan "
	check "zsh: completes a command's options" test "$(zsh_words 'mypyc-scout scan --exc')" = "--exclude "
	check "zsh: completes an option's values" test "$(zsh_words 'mypyc-scout scan --fail-on=b')" = "behaviour blocker "
	check "zsh: audit's formats" test "$(zsh_words 'mypyc-scout audit --format=')" = "html markdown "
else
	echo "skip: zsh is not installed, the zsh completion is only grepped (apt-get install zsh)"
fi

# pre-commit: the published hook checks for the binary.
check "the hook's script exists and is executable" test -x "$(sed -n 's/^  entry: \([^ ]*\).*/\1/p' .pre-commit-hooks.yaml)"
rc=0
PATH=/usr/bin:/bin bash scripts/pre-commit-hook.sh >"$tmp/out" 2>"$tmp/err" || rc=$?
check "without the binary the hook fails" [ "$rc" -eq 1 ]
check "... and says how to install it" grep -q 'cmake --install build --prefix ~/.local' "$tmp/err"
check "with it the hook scans" bash -c "PATH='$p/bin':/usr/bin:/bin bash scripts/pre-commit-hook.sh --fail-on none fixtures/projects/sample >/dev/null"

# action.yml: inputs through env: only, a cached build, SARIF, shipped scope.
check "action.yml never puts an input inside a run script" python3 - <<'PY'
import re, sys
text = open("action.yml").read()
runs = re.findall(r"\n( +)run: \|\n((?:\1  .*\n|\s*\n)*)", text)
assert runs, "no run blocks"
sys.exit(any("${{" in body for _, body in runs))
PY
check "action.yml caches the build" grep -q 'uses: actions/cache@' action.yml
# read as GitHub reads it (YAML, then each expression against what exists)
rc=0
python3 "$(dirname "${BASH_SOURCE[0]}")/lib/action_check.py" action.yml >"$tmp/action.txt" 2>&1 || rc=$?
if [ "$rc" = 2 ]; then
	echo "skip: no PyYAML (python3-yaml), action.yml is only grepped"
else
	check "action.yml parses and every expression names what exists ($(tr '\n' ';' <"$tmp/action.txt"))" [ "$rc" = 0 ]
	# the checker itself: it sees a runner variable read through env.
	sed 's/steps.key.outputs.image/env.ImageOS/' action.yml >"$tmp/bad-action.yml"
	check "... and the checker catches \${{ env.ImageOS }} (empty in an expression)" \
		bash -c "! python3 '$(dirname "${BASH_SOURCE[0]}")/lib/action_check.py' '$tmp/bad-action.yml' >/dev/null"
fi
check "action.yml can upload SARIF" grep -q 'uses: github/codeql-action/upload-sarif@' action.yml
check "action.yml gates the shipped scope by default" python3 -c '
import re; t = open("action.yml").read()
assert re.search(r"\n  scope:\n(    .*\n)*    default: shipped\n", t)'
check "README's examples carry no placeholders" bash -c "! grep -nE 'OWNER/|example\.invalid' README.md"
finish
