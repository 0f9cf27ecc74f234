#!/usr/bin/env bash
# The HTML audit of a copy of the sample project plus files with hostile
# names (each with a blocker): every scanned string shows as text (no raw
# markup, no <script> at all), nothing points outside the page, the document
# is well-formed (every non-void element closed in order), two runs are
# byte-identical, and headless Chromium renders it at a laptop and a phone
# width without a console message. Screenshots: $SCOUT_AUDIT_SHOTS/audit-
# {desktop,phone}.png when that directory is set. Exits 77 (skipped) only
# when chromium is not installed, after every other check has passed.
set -euo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d /tmp/scout-audit-html-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
proj=$tmp/proj
cp -r fixtures/projects/sample "$proj"

blocker='def make() -> object:
    class Inner:
        pass

    return Inner
'
# a file name cannot hold '/': the directory `<script>alert(1)<` and the file
# `script>.py` make the path src/shapes/<script>alert(1)</script>.py
mkdir "$proj/src/shapes/<script>alert(1)<"
printf '%s' "$blocker" >"$proj/src/shapes/<script>alert(1)</script>.py"
printf '%s' "$blocker" >"$proj/src/shapes/q\"a&b'onmouseover=alert(2).py"

html=$tmp/audit.html
timeout 60 "$bin" audit "$proj" --format html --output "$html"
timeout 60 "$bin" audit "$proj" --format html --output "$tmp/again.html"
cmp "$html" "$tmp/again.html"

python3 - "$html" <<'PY'
import re
import sys
from html.parser import HTMLParser

doc = open(sys.argv[1], encoding="utf-8").read()
fail = []

def need(cond, what):
    if not cond:
        fail.append(what)

# (a) escaping: the hostile names show as text, never as markup
need("<script>alert(1)</script>" not in doc, "raw <script>alert(1)</script> in the page")
need("&lt;script&gt;alert(1)&lt;/script&gt;.py" in doc, "escaped <script> name missing")
need(re.search(r"<script", doc, re.I) is None, "a <script tag in the page")
need("q&quot;a&amp;b&#39;onmouseover=alert(2).py" in doc, "escaped quote/amp name missing")
need("'onmouseover=" not in doc and '"onmouseover=' not in doc, "raw onmouseover= attribute")
need("nested-class" in doc, "the hostile modules' blocker is not reported")
# hrefs to scanned files are URI-escaped paths
need('href="src/shapes/%3Cscript%3Ealert%281%29%3C/script%3E.py#L2"' in doc,
     "link to the <script> file is not a URI-escaped relative path")
# nothing external: no <link>, no src=, no url(), http(s) only in docs links
need(re.search(r"<link\b", doc, re.I) is None, "a <link> element")
need(re.search(r"\ssrc\s*=", doc, re.I) is None, "a src= attribute")
need(re.search(r"url\(|@import", doc, re.I) is None, "a CSS url() or @import")
for m in re.finditer(r"https?://[^\"'<\s]*", doc):
    before = doc[max(0, m.start() - 6):m.start()]
    need(before == 'href="' and m.group().startswith("https://"),
         "external reference outside a docs link: " + m.group())

# (b) well-formed: every non-void element closed, in order
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
ENTITIES = {"amp", "lt", "gt", "quot", "times"}

class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack = []
        self.decl = None

    def handle_decl(self, decl):
        self.decl = decl

    def handle_starttag(self, tag, attrs):
        names = [a for a, _ in attrs]
        need(len(names) == len(set(names)), f"duplicate attribute in <{tag}> at {self.getpos()}")
        need(not any(n.startswith("on") for n in names), f"event handler on <{tag}>")
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            fail.append(f"</{tag}> at {self.getpos()} closes "
                        f"{self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_entityref(self, name):
        need(name in ENTITIES, f"unknown entity &{name}; at {self.getpos()}")

p = Strict()
p.feed(doc)
p.close()
need(p.decl == "doctype html", "no <!doctype html>")
need(not p.stack, f"unclosed elements: {p.stack}")
need(doc.count("<svg") == 3 and doc.count('role="img"') == 3, "three accessible charts")
need('<meta charset="utf-8">' in doc and 'name="viewport"' in doc, "charset/viewport meta")
ids = re.findall(r'\sid="([^"]*)"', doc)
need(len(ids) == len(set(ids)), "duplicate ids")
for frag in set(re.findall(r'href="#([^"]*)"', doc)):
    need(frag in ids, f"link to a missing anchor #{frag}")
sections = [m for m in re.findall(r'<section id="([^"]+)"', doc)]
need(sections == ["summary", "plan", "findings", "annotations", "packaging", "risks", "charts"],
     f"sections out of order: {sections}")
if fail:
    print("\n".join(fail))
    sys.exit(1)
PY

# (d) render at a laptop and a phone width
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	echo "SKIP: chromium is not installed (scripts/setup-deps.sh --test installs it)"
	exit 77
fi
shots=${SCOUT_AUDIT_SHOTS:-$tmp}
for shot in desktop:1280 phone:390; do
	name=${shot%%:*}
	png=$shots/audit-$name.png
	rm -f "$png"
	timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$tmp/chromium-$name" --no-first-run --disable-extensions \
		--enable-logging=stderr --v=0 --window-size="${shot#*:},2000" \
		--screenshot="$png" "file://$html" >"$tmp/chromium.out" 2>"$tmp/chromium.err" || {
		echo "chromium failed ($name):"
		cat "$tmp/chromium.err"
		exit 1
	}
	# the page has no script: any console message (a CSP violation, an
	# uncaught error) means something got through
	if grep -E 'CONSOLE|Uncaught' "$tmp/chromium.err"; then
		echo "console messages while rendering ($name)"
		exit 1
	fi
	size=$(stat -c %s "$png")
	[ "$size" -gt 10000 ] || {
		echo "screenshot $png is $size bytes"
		exit 1
	}
	python3 -c 'import sys; d=open(sys.argv[1],"rb").read(24); sys.exit(d[:8]!=b"\x89PNG\r\n\x1a\n" or int.from_bytes(d[16:20],"big")!=int(sys.argv[2]))' \
		"$png" "${shot#*:}" || {
		echo "screenshot $png is not a ${shot#*:}-pixel-wide PNG"
		exit 1
	}
done
echo "audit_html: ok"
