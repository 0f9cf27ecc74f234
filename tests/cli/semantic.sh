#!/usr/bin/env bash
# The semantic layer on fixtures/projects/semantic: names bound as mypy binds
# them, followed through the project's modules (a second pass), and code mypy
# deems unreachable for the target Python left alone; the target itself, read
# from the mypy configuration and requires-python, and reported.
set -euo pipefail
bin=$1
source "$(dirname "${BASH_SOURCE[0]}")/lib/check.sh"
scratch semantic
project=fixtures/projects/semantic

# findings DIR: "path line rule" per finding (slow ones left out), and the
# report's python object on the last line.
findings() {
	"$bin" scan --no-cache --fail-on none --format json "$@" | python3 -c '
import json, sys
r = json.load(sys.stdin)
for m in r["modules"]:
    for f in m["findings"]:
        if f["category"] != "slow":
            print(m["path"], f["line"], f["rule"])
print("python", r["python"]["version"], r["python"]["platform"], r["python"]["source"])'
}

SCOUT_CACHE_STATS=1 findings "$project" >"$tmp/default" 2>"$tmp/stderr"
check "final and trait through the package, a module and 'from . import': $(grep shapes "$tmp/default" || true)" \
	bash -c "! grep -q '^app/shapes.py' '$tmp/default'"
check "shapes.py analysed again with the names followed" \
	grep -q "second pass: [1-9][0-9]* modules" "$tmp/stderr"
check "code for Windows and for Python 2 is not analysed: $(grep platform_only "$tmp/default" || true)" \
	bash -c "! grep -q '^app/platform_only.py' '$tmp/default'"
check "nothing after a module-level assert that fails for Linux: $(grep windows_only "$tmp/default" || true)" \
	bash -c "! grep -q '^app/windows_only.py' '$tmp/default'"
check "a star import brings what __all__ lists, a leading underscore too: $(grep marked.py "$tmp/default" || true)" \
	bash -c "! grep -q '^app/marked.py 4 ' '$tmp/default'"
check "and not what __all__ leaves out (trait is unknown to mypy there)" \
	grep -qx "app/marked.py 10 class-decorator-nonnative" "$tmp/default"
check "names a star import brings, used in the module that star-imports them: $(grep starred.py "$tmp/default" || true)" \
	bash -c "! grep '^app/starred.py' '$tmp/default' | grep -qv ' star-import-unbound$'"
check "the dead fallback def in compat.py is no redefinition" \
	bash -c "! grep -q '^app/compat.py .* try-import-fallback' '$tmp/default'"
check "an import over a declared variable is mypy's no-redef, at the import" \
	grep -qx "app/predeclared.py 5 try-import-fallback" "$tmp/default"
check "None into the declared variable is no finding" \
	bash -c "[ \$(grep -c '^app/predeclared.py' '$tmp/default') = 1 ]"
check "the import's no-redef hidden by its type ignore, as mypy/util.py does" \
	bash -c "! grep -q '^app/predeclared_ignored.py' '$tmp/default'"
check "default target: $(tail -1 "$tmp/default")" \
	grep -qx "python 3.10 linux default: the oldest Python the evaluated mypyc runs on" "$tmp/default"

# The same project for Python 3.7 (mypy.ini python_version): the fallback
# def is now the binding of final, a function of the project, so the classes
# it decorates are no longer known final -- and the platform from the config.
cp -r "$project" "$tmp/p37"
printf '[mypy]\npython_version = 3.7\nplatform = win32\nalways_true = FAST\n' >"$tmp/p37/mypy.ini"
findings "$tmp/p37" >"$tmp/p37.out"
check "python_version and platform from mypy.ini: $(tail -1 "$tmp/p37.out")" \
	grep -qx "python 3.7 win32 mypy.ini \[mypy\] python_version" "$tmp/p37.out"
check "on Windows the nested class is analysed: $(grep platform_only "$tmp/p37.out" || true)" \
	grep -q "^app/platform_only.py 5 nested-class" "$tmp/p37.out"
check "on Windows the assert holds and the class after it is analysed" \
	grep -q "^app/windows_only.py 7 nested-class" "$tmp/p37.out"
check "for 3.7, final is compat's own def: $(grep shapes "$tmp/p37.out" || true)" \
	grep -q "^app/shapes.py 12 class-decorator-nonnative" "$tmp/p37.out"

# requires-python's lower bound when the mypy configuration has none.
cp -r "$project" "$tmp/req"
printf '[project]\nname = "app"\nrequires-python = ">=3.8, <4"\n' >"$tmp/req/pyproject.toml"
findings "$tmp/req" >"$tmp/req.out"
check "requires-python: $(tail -1 "$tmp/req.out")" \
	grep -qx 'python 3.8 linux pyproject.toml \[project\] requires-python >=3.8, <4' "$tmp/req.out"
"$bin" scan --no-cache --fail-on none "$tmp/req" >"$tmp/req.text"
check "the text report names the target" \
	grep -q "^assumed: mypyc [0-9.]* (.*), Python 3.8 on linux (pyproject.toml \[project\] requires-python >=3.8, <4)$" "$tmp/req.text"

# A warm cache gives the same report: the second pass is not cached.
"$bin" scan --cache-dir "$tmp/cache" --fail-on none --format json "$project" >"$tmp/cold.json"
"$bin" scan --cache-dir "$tmp/cache" --fail-on none --format json "$project" >"$tmp/warm.json"
check "warm and cold reports differ" cmp -s "$tmp/cold.json" "$tmp/warm.json"
finish
