/* The TOML reader (tree-sitter-toml) and reading the pinned mypyc version. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "scout/pin.h"
#include "scout/toml.h"
#include "scout/walk.h"

static const char *get(const scout_toml *t, const char *key)
{
	const scout_toml_value *v = scout_toml_get(t, key);

	return v ? v->text : NULL;
}

static void check_document(void)
{
	const char *doc = "title = \"a \\\"q\\\" \\u00e9\\n\"\n"
	                  "lit = 'C:\\path'\n"
	                  "multi = \"\"\"\nline1\nline2\"\"\"\n"
	                  "n = 42\nf = 1.5\nyes = true\n"
	                  "\"quoted.key\" = 1\n"
	                  "a.b.c = \"dotted\"\n"
	                  "trim = \"\"\"a \\ \t\n\n   b\"\"\"\n"
	                  "[tool.mypy]\nstrict_optional = false\n"
	                  "[tool.\"my tool\".sub]\nlist = [\"x\", 'y', [\"nested\"]]\n"
	                  "inline = { k = \"v\", deep = { z = 3 } }\n"
	                  "[[servers]]\nname = \"one\"\n[[servers]]\nname = \"two\"\n";
	scout_toml t;
	const scout_toml_value *v;
	int strings = 0;

	CHECK_INT(scout_toml_parse(&t, doc, strlen(doc)), 0);
	CHECK_INT(t.error_line, 0);
	CHECK_STR(get(&t, "title"), "a \"q\" \xc3\xa9\n");
	CHECK_STR(get(&t, "lit"), "C:\\path");
	CHECK_STR(get(&t, "multi"), "line1\nline2");
	CHECK_STR(get(&t, "n"), "42");
	CHECK_STR(get(&t, "f"), "1.5");
	v = scout_toml_get(&t, "yes");
	CHECK(v && v->type == SCOUT_TOML_BOOL && strcmp(v->text, "true") == 0);
	CHECK_STR(get(&t, "quoted.key"), "1");
	CHECK_STR(get(&t, "a.b.c"), "dotted");
	CHECK_STR(get(&t, "tool.mypy.strict_optional"), "false");
	CHECK_INT(scout_toml_get(&t, "tool.mypy.strict_optional")->line, 15);
	for (size_t i = 0; i < t.len; i++)
		if (strcmp(t.values[i].key, "tool.my tool.sub.list") == 0)
			strings++;
	CHECK_INT(strings, 3);
	CHECK_STR(get(&t, "tool.my tool.sub.inline.k"), "v");
	CHECK_STR(get(&t, "trim"), "a b");
	CHECK_STR(get(&t, "tool.my tool.sub.inline.deep.z"), "3");
	CHECK_STR(get(&t, "servers[0].name"), "one");
	CHECK_STR(get(&t, "servers[1].name"), "two");
	scout_toml_free(&t);
}

static void check_broken_and_deep(void)
{
	const char *broken = "good = 1\n[table\nbad = \nlater = 2\n";
	scout_buf deep = {0};
	scout_toml t;

	CHECK_INT(scout_toml_parse(&t, broken, strlen(broken)), 0);
	CHECK(t.error_line >= 2);
	CHECK_STR(get(&t, "good"), "1");
	scout_toml_free(&t);

	/* 256 nested arrays parse; 20,000 are refused before the grammar's
	 * parser, which crashes on ~65,000 */
	scout_buf_puts(&deep, "x = ");
	for (int i = 0; i < 256; i++)
		scout_buf_putc(&deep, '[');
	for (int i = 0; i < 256; i++)
		scout_buf_putc(&deep, ']');
	scout_buf_puts(&deep, "\nk");
	for (int i = 0; i < 20000; i++)
		scout_buf_puts(&deep, ".k");
	scout_buf_puts(&deep, " = 1\n");
	CHECK_INT(scout_toml_parse(&t, deep.data, deep.len), 0);
	scout_toml_free(&t);
	scout_buf_free(&deep);
	scout_buf_puts(&deep, "ok = 1\nx = ");
	for (int i = 0; i < 20000; i++)
		scout_buf_putc(&deep, '[');
	CHECK(scout_toml_parse(&t, deep.data, deep.len) < 0);
	CHECK_STR(scout_error_last(), "TOML document nests brackets more than 256 deep (line 2)");
	scout_toml_free(&t);
	scout_buf_free(&deep);
}

/* The first error of doc: its line and a part of its message (line 0:
 * none). */
static void check_error(const char *doc, uint32_t line, const char *message)
{
	size_t len = strlen(doc);
	char *exact = malloc(len); /* no NUL after it: the reader must not need one */
	scout_toml t;

	memcpy(exact, doc, len);
	CHECK_INT(scout_toml_parse(&t, exact, len), 0);
	free(exact);
	if (t.error_line != line || (message && (!t.error || !strstr(t.error, message))))
		fprintf(stderr, "doc:\n%s\ngot line %u: %s\n", doc, t.error_line,
		        t.error ? t.error : "(none)");
	CHECK_INT(t.error_line, line);
	CHECK((t.error != NULL) == (line != 0));
	if (message)
		CHECK(t.error && strstr(t.error, message));
	scout_toml_free(&t);
}

/* TOML 1.0: a key or a table is defined once; dotted keys and [headers]
 * do not reopen what the other defined; inline tables and arrays are
 * closed (each case as toml.io/en/v1.0.0 and tomli rule on it). */
static void check_key_rules(void)
{
	check_error("a = 1\nb = 2\na = 3\n", 3, "key 'a' is defined twice (first at line 1)");
	check_error("[t]\nx = 1\n[u]\n[t]\n", 4, "table [t] is defined twice (first at line 1)");
	check_error("[t]\nx = 1\nx = 2\n", 3, "key 't.x' is defined twice");
	check_error("\"a\" = 1\na = 2\n", 2, "defined twice");
	check_error("[fruit]\napple.color = 'red'\n[fruit.apple]\n", 3, "table [fruit.apple]");
	check_error("[a.b]\nz = 1\n[a]\nb.c = 1\n", 4, "dotted key 'b' adds to table [a.b]");
	check_error("[a]\nb = 1\n[a.b]\n", 3, "already a value");
	check_error("a = {x = 1}\n[a]\n", 2, "already an inline table");
	check_error("a = {x = 1}\na.y = 2\n", 2, "already an inline table");
	check_error("a = {x = 1, x = 2}\n", 1, "key 'a.x' is defined twice");
	check_error("a = [{x = 1}, {x = 1, x = 2}]\n", 1, "defined twice");
	check_error("a = [1]\n[[a]]\n", 2, "already an array");
	check_error("[[a]]\n[a]\n", 2, "already an array of tables");
	check_error("[a]\n[[a]]\n", 2, "already a table");
	check_error("a.b = 1\n[a]\n", 2, "table [a] is defined twice");
	/* allowed */
	check_error("[a.b.c]\n[a]\n[a.b]\n", 0, NULL);
	check_error("[[a]]\nb = 1\n[a.c]\nd = 1\n[[a]]\nb = 2\n[a.c]\nd = 2\n", 0, NULL);
	check_error("a.b = 1\na.c = 2\n[x]\na = [{b = 1}, {b = 1}]\n", 0, NULL);
	check_error("[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true\n", 0,
	            NULL);
	check_error("[a.b.c]\n[a]\nb.d = 1\n", 0, NULL);
	/* blanks after a line-ending backslash: the grammar fails on them */
	check_error("s = \"\"\"a \\  \n   b\\\t\n\"\"\"\nx = 1\n", 0, NULL);
	/* syntax errors: what is wrong, where */
	check_error("[t]\nok = 1\nx = \"abc\n[u]\ny = 2\n", 3, "invalid TOML: unterminated string");
	check_error("a = '''x\n\nb = 1\n", 1, "unterminated string");
	check_error("a = \"x\\\"\"\nb = 1\nc = = 2\n", 3, "invalid TOML syntax: 'c = = 2'");
	check_error("a = 1\nb = = 2", 2, "invalid TOML syntax: 'b = = 2'");
}

/* What tomllib refuses below the grammar (tests/toml/compare.py runs the
 * whole of fixtures/toml/ against tomllib itself): each at its line, with
 * what is wrong. */
static void check_lexical(void)
{
	const char *crlf = "a = \"\"\"\r\nx\r\ny\"\"\"\r\nb = 1\r\n";
	scout_toml t;

	check_error("a = 1\nb = \"\\q\"\n", 2, "invalid escape '\\q'");
	check_error("a = \"\\u12\"\n", 1, "\\u takes 4 hex digits");
	check_error("# x\na = \"\\uD800\"\n", 2, "not a Unicode scalar value");
	check_error("a = '''\n\n\\U00110000'''\nb = \"\\U00110000\"\n", 4, "Unicode scalar");
	check_error("a = \"x\\\ny\"\n", 2, "at a line's end");
	check_error("a = \"\"\"\nx \\  y\"\"\"\n", 2, "must end its line");
	check_error("a = 1\n# bell \a\n", 2, "control character U+0007 in a comment");
	check_error("a = \"\x7f\"\n", 1, "U+007F in a basic string");
	check_error("a = '''\n\x1b'''\n", 2, "in a multi-line literal string");
	check_error("a = 1\f\n", 1, "outside strings and comments");
	check_error("# \rx\na = 1\n", 1, "carriage return not followed by a line feed");
	check_error("a = 1\rb = 2\n", 1, "carriage return");
	check_error("a = \"\"\"x\"\"\"\"\"\"\n", 1, "at most two more");
	check_error("\xef\xbb\xbf"
	            "a = 1\n",
	            1, "byte order mark");
	check_error("a = 1\n\nb = \"caf\xe9\"\n", 3, "not UTF-8 (byte 0xe9 at offset 15)");
	check_error("d = 1979-05-27\ne = 2023-02-29\n", 2, "'2023-02-29' is no date or time");
	check_error("d = 2024-02-30T07:32:00Z\n", 1, "no such day in that month");
	check_error("t = 23:59:60\n", 1, "no leap second");
	check_error("d = 10000-01-01\n", 1, "a year has four digits");
	check_error("d = 0000-01-01\n", 1, "there is no year 0");
	/* allowed: every escape, CRLF, tabs, February 29 of a leap year */
	check_error("a = \"\\b\\t\\n\\f\\r\\\"\\\\\\u00e9\\U0010FFFF\\uE000\"\r\n", 0, NULL);
	check_error("a\t= '\tx' # \ttab\r\nd = 2000-02-29 23:59:59.5\n", 0, NULL);
	/* a multi-line string read with CRLF: its lines end with LF */
	CHECK_INT(scout_toml_parse(&t, crlf, strlen(crlf)), 0);
	CHECK_INT(t.error_line, 0);
	CHECK_STR(get(&t, "a"), "x\ny");
	CHECK_INT(scout_toml_get(&t, "b")->line, 4);
	scout_toml_free(&t);
}

/* TOML's number grammar: underscores, bases, signs, inf and nan. */
static void check_numbers(void)
{
	static const struct {
		const char *doc;
		double want;
	} cases[] = {
	    {"n = 1_0", 10},          {"n = 1_000.5", 1000.5},
	    {"n = 0xff_ff", 65535},   {"n = 0o1_7", 15},
	    {"n = 0b1_01", 5},        {"n = -1_0", -10},
	    {"n = +2.5e1_0", 2.5e10}, {"n = 0", 0},
	    {"n = 9_9.5", 99.5},      {"n = 0xffffffffffffffffffff", 0xffffffffffffffffffffp0},
	};
	const char *special = "n = -inf\nm = nan\ns = '1'\n";
	scout_toml t;
	double d;

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		CHECK_INT(scout_toml_parse(&t, cases[i].doc, strlen(cases[i].doc)), 0);
		CHECK_INT(t.error_line, 0);
		CHECK(t.len == 1 && scout_toml_number(&t.values[0], &d) == 0 && d == cases[i].want);
		scout_toml_free(&t);
	}
	CHECK_INT(scout_toml_parse(&t, special, strlen(special)), 0);
	CHECK(t.len == 3 && scout_toml_number(&t.values[0], &d) == 0 && isinf(d) && d < 0);
	CHECK(scout_toml_number(&t.values[1], &d) == 0 && isnan(d));
	CHECK(scout_toml_number(&t.values[2], &d) < 0);
	scout_toml_free(&t);
}

static void check_pin(const char *dir, int expect_rc, uint32_t expect_version, const char *why)
{
	uint32_t v = 0;
	char *got = NULL;
	int rc = scout_pin_find(dir, &v, &got);

	CHECK_INT(rc, expect_rc);
	if (expect_rc == 0) {
		CHECK_INT(v, expect_version);
		CHECK_STR(got, why);
	}
	free(got);
}

static void check_pins(void)
{
	uint32_t v;

	check_pin("fixtures/pins/requires", 0, SCOUT_V(1, 13, 0),
	          "pyproject.toml [build-system] requires: mypy[mypyc]==1.13.0");
	check_pin("fixtures/pins/hatch", 0, SCOUT_V(1, 10, 0),
	          "pyproject.toml hatch-mypyc dependencies: mypy >= 1.10");
	check_pin("fixtures/pins/requirements", 0, SCOUT_V(1, 4, 1),
	          "dev-requirements.txt: mypy~=1.4.1  ; python_version >= \"3.8\"");
	/* [tool.mypyc-scout] mypyc-version is configuration (scout/config.h):
	 * the pin is what the build requires */
	check_pin("fixtures/pins/config", 0, SCOUT_V(1, 13, 0),
	          "pyproject.toml [build-system] requires: mypy==1.13.0");
	check_pin("fixtures/pins/none", SCOUT_ENOTFOUND, 0, NULL);
	check_pin("fixtures/pins/does-not-exist", SCOUT_ENOTFOUND, 0, NULL);
	CHECK(!scout_pin_requirement("mypy-extensions==1.0", &v));
	CHECK(!scout_pin_requirement("mypy<2", &v));
	CHECK(scout_pin_requirement("MyPy==0.991", &v) && v == SCOUT_V(0, 991, 0));
}

int main(void)
{
	check_document();
	check_broken_and_deep();
	check_key_rules();
	check_lexical();
	check_numbers();
	check_pins();
	return check_report("test_toml");
}
