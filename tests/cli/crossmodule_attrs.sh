#!/usr/bin/env bash
# Class-body attributes across modules (the project class index): instance
# attributes read through a native class imported from another module
# (directly, through a package re-export, through a module alias, inherited
# from a base) and methods of such classes replaced or patched at run time;
# and what an imported base makes of a class (pkg/kinds.py: an Enum through
# an imported Enum base, a ClassVar inherited from another module).
set -euo pipefail
bin=$1
"$bin" scan --fail-on none --format json fixtures/projects/crossmodule_attrs | python3 -c '
import json, sys
report = json.load(sys.stdin)
rules = {"instance-attr-via-class", "monkeypatch-method"}
got = sorted((m["path"], f["line"], f["column"], f["rule"])
             for m in report["modules"] for f in m["findings"] if f["rule"] in rules)
expected = [
    ("pkg/use.py", 9, 9, "instance-attr-via-class"),    # Config.DEFAULT
    ("pkg/use.py", 12, 9, "instance-attr-via-class"),   # Child.timeout, inherited
    ("pkg/use.py", 13, 9, "instance-attr-via-class"),   # config.Config.DEFAULT
    ("pkg/use.py", 15, 9, "instance-attr-via-class"),   # re-exported through pkg
    ("pkg/use.py", 17, 9, "instance-attr-via-class"),   # Config.__doc__
    ("pkg/use.py", 19, 9, "instance-attr-via-class"),   # cfg.Child.DEFAULT
    ("pkg/use.py", 25, 5, "monkeypatch-method"),        # Config.reload = ...
    ("tests/test_use.py", 7, 1, "monkeypatch-method"),  # patch.object(Config, "reload")
    ("tests/test_use.py", 9, 1, "monkeypatch-method"),  # patch("pkg.config.Config.reload")
]
failed = 0
for e in expected:
    if e not in got:
        print("missing:", e)
        failed += 1
for g in got:
    if g not in expected:
        print("unexpected:", g)
        failed += 1
print("%d passed, %d failed" % (len(expected) - failed if failed <= len(expected) else 0, failed))
sys.exit(1 if failed else 0)
'
