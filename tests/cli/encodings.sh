#!/usr/bin/env bash
# Source encodings read as CPython's tokenizer reads them (issue 17, item
# 15): a UTF-8 BOM with a coding declaration other than utf-8 is Python's
# SyntaxError "encoding problem: NAME with BOM" (the same words, the normal
# name CPython prints); a declaration the tool cannot decode says what the
# file declares and what the tool reads; a declaration on line 2 counts only
# after a comment-only line 1; a name Python reads no source in (unknown, or
# a codec such as rot13 or utf-16) is refused as Python refuses it, whatever
# the bytes. Python itself (python3 compile) is the oracle
# for which files are refused.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-encodings-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
t=$tmp/t
mkdir -p "$t"
bom=$'\xef\xbb\xbf'
body='def f(a: str) -> str:\n    return a\n'
printf '%s# -*- coding: latin-1 -*-\n'"$body" "$bom" >"$t/bom_latin1.py"
printf '%s#!/usr/bin/env python\n# vim: set fileencoding=latin1 :\n'"$body" "$bom" >"$t/bom_latin1_line2.py"
printf '%s# coding: utf-8\n'"$body" "$bom" >"$t/bom_utf8.py"
printf '# coding: cp1252\nname = "\x93quoted\x94"\n'"$body" >"$t/cp1252.py"
printf 'name = "caf\xe9"\n'"$body" >"$t/none.py"
printf 'x = 1\n# coding: latin-1\nname = "caf\xe9"\n'"$body" >"$t/late_cookie.py"
printf '#!/usr/bin/env python\n# coding=latin-1\nname = "caf\xe9"\n'"$body" >"$t/shebang_cookie.py"
# names Python does not read source in: refused whatever the bytes (valid
# UTF-8 here), each at its declaration's line; the scan goes on
printf '# -*- coding: klingon -*-\n'"$body" >"$t/unknown_klingon.py"
printf '#!/usr/bin/env python\n# vim: set fileencoding=utf-8x :\n'"$body" >"$t/unknown_utf8x.py"
printf '# coding: rot13\n'"$body" >"$t/unknown_rot13.py"
printf '# coding: UTF-16\n'"$body" >"$t/unknown_utf16.py"
printf '# coding: Latin_1-Extra\n'"$body" >"$t/odd_latin1.py"
printf '# coding: -Shift--JIS-\n'"$body" >"$t/odd_sjis.py"
printf '# coding: U8\n'"$body" >"$t/odd_u8.py"

"$bin" scan --no-cache --fail-on none --format json "$t" >"$tmp/out.json"
python3 - "$tmp/out.json" "$t" <<'PY'
import json, os, sys
report = json.load(open(sys.argv[1]))
mods = {m["path"]: m for m in report["modules"]}
diags = {d["path"]: d for d in report["diagnostics"]}
failures = []

def expect(cond, what):
    if not cond:
        failures.append(what)

def python_error(name):
    try:
        compile(open(os.path.join(sys.argv[2], name), "rb").read(), name, "exec")
        return None
    except SyntaxError as e:
        return e.msg

# cp1252.py: Python decodes it; the tool reads UTF-8 and Latin-1 only
for name in sorted(set(os.listdir(sys.argv[2])) - {"cp1252.py"}):
    refused = python_error(name)
    expect((name in diags) == (refused is not None),
           f"{name}: Python {'refuses' if refused else 'accepts'} it, the tool "
           f"{'refuses' if name in diags else 'accepts'} it")
    if name.startswith("bom_") and refused:
        d = diags.get(name, {})
        expect(d.get("kind") == "syntax-error", f"{name}: a syntax error, as in Python: {d}")
        expect(refused in d.get("message", ""), f"{name}: says {refused!r}: {d}")
expect(diags["bom_latin1.py"]["line"] == 1, "BOM + cookie: the cookie's line")
expect(diags["bom_latin1_line2.py"]["line"] == 2, "BOM + line-2 cookie: its line")
expect("iso-8859-1 with BOM" in diags["bom_latin1.py"]["message"], "CPython's normal name")
cp = diags["cp1252.py"]["message"]
expect(diags["cp1252.py"]["kind"] == "not-utf8", "cp1252: not-utf8")
expect("declares encoding 'cp1252'" in cp and "UTF-8 and Latin-1" in cp,
       f"cp1252: what the file declares and what the tool reads: {cp}")
expect("Latin-1 coding declaration" not in cp, f"cp1252 is a declaration: {cp}")
expect("no coding declaration" in diags["none.py"]["message"], "none.py: no declaration")
expect("late_cookie.py" in diags, "a cookie after a code line is not a declaration")
expect(mods["shebang_cookie.py"]["annotations"]["fully_typed_defs"] == 1, "shebang + cookie read")
expect(mods["bom_utf8.py"]["annotations"]["fully_typed_defs"] == 1, "BOM + utf-8 read")
for name, line in (("unknown_klingon.py", 1), ("unknown_utf8x.py", 2),
                   ("unknown_rot13.py", 1), ("unknown_utf16.py", 1)):
    d = diags.get(name, {})
    expect(d.get("kind") == "syntax-error" and d.get("line") == line,
           f"{name}: a syntax error at line {line}: {d}")
expect(diags["unknown_klingon.py"]["message"].startswith("unknown encoding: klingon"),
       "klingon: CPython's words")
for name in ("odd_latin1.py", "odd_sjis.py", "odd_u8.py"):
    expect(mods.get(name, {}).get("annotations", {}).get("fully_typed_defs") == 1,
           f"{name}: a name Python reads, spelled oddly, is read")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
PY
