#!/usr/bin/env zsh
# zsh-complete.zsh DIR WORDS OUT: types WORDS and a Tab into an interactive
# zsh (zpty) whose fpath starts with DIR and whose compinit loads what DIR
# holds, and appends to OUT every candidate the completion system adds.
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z "fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'compadd() { local -a __hits; builtin compadd -O __hits "$@"; (( $#__hits )) && print -rl -- $__hits >>'"${(q)3}"'; }'
sleep 0.5
zpty -w -n z "$2"$'\t'
sleep 1
zpty -d z
