/* reporters/escape.c on hostile input: ill-formed UTF-8 becomes U+FFFD (one
 * per maximal subpart), terminal text shows controls as \xNN, and valid text
 * passes through unchanged. */
#include "escape.h"
#include "check.h"

#include <stdlib.h>

#define FFFD "\xEF\xBF\xBD"

/* scout_escape_utf8 of s, as a new string (owned by caller). */
static char *utf8(const char *s)
{
	return scout_escape_utf8_dup(s);
}

/* scout_escape_terminal of s, as a new string (owned by caller). */
static char *term(const char *s)
{
	scout_buf b = {0};

	scout_escape_terminal(&b, s);
	return scout_buf_detach(&b);
}

#define CHECK_UTF8(input, expected)                                                                \
	do {                                                                                       \
		char *got_ = utf8(input);                                                          \
		CHECK_STR(got_, expected);                                                         \
		free(got_);                                                                        \
	} while (0)

#define CHECK_TERM(input, expected)                                                                \
	do {                                                                                       \
		char *got_ = term(input);                                                          \
		CHECK_STR(got_, expected);                                                         \
		free(got_);                                                                        \
	} while (0)

static void test_valid_text_unchanged(void)
{
	static const char *const valid[] = {
	    "",
	    "pkg/core.py",
	    "caf\xC3\xA9/\xE6\x97\xA5\xE6\x9C\xAC.py",  /* café/日本.py */
	    "\xF0\x9F\x90\x8D snake",                   /* U+1F40D */
	    "\xC2\xA0\xE2\x80\xA6\xEF\xBF\xBD",         /* NBSP, …, a real U+FFFD */
	    "\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF", /* U+D7FF, U+E000, U+10FFFF */
	    "quote\" back\\slash <script>",
	};

	for (size_t i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		CHECK_UTF8(valid[i], valid[i]);
		CHECK_TERM(valid[i], valid[i]);
	}
}

static void test_invalid_utf8(void)
{
	CHECK_UTF8("a\xFF"
	           "b",
	           "a" FFFD "b");
	CHECK_UTF8("\xFE\xFF", FFFD FFFD);
	CHECK_UTF8("\x80x\xBF", FFFD "x" FFFD);     /* stray continuation bytes */
	CHECK_UTF8("\xC0\xAF", FFFD FFFD);          /* overlong '/' */
	CHECK_UTF8("\xE0\x80\xAF", FFFD FFFD FFFD); /* overlong, 3 bytes */
	CHECK_UTF8("\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD);
	CHECK_UTF8("\xED\xA0\x80", FFFD FFFD FFFD);          /* surrogate U+D800 */
	CHECK_UTF8("\xED\xBF\xBF", FFFD FFFD FFFD);          /* surrogate U+DFFF */
	CHECK_UTF8("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD); /* U+110000 */
	CHECK_UTF8("\xF5\x80\x80\x80", FFFD FFFD FFFD FFFD);
	CHECK_UTF8("end\xE2\x82", "end" FFFD); /* truncated at the end */
	CHECK_UTF8("end\xF0\x9F\x90", "end" FFFD);
	CHECK_UTF8("\xF0\x9F\x90x", FFFD "x"); /* truncated mid-string */
	CHECK_UTF8("\xC3", FFFD);
	CHECK_UTF8(NULL, "");
}

static void test_appends(void)
{
	scout_buf b = {0};

	scout_buf_puts(&b, "x=");
	scout_escape_utf8(&b, "\xFF");
	scout_escape_terminal(&b, "\x1b");
	CHECK_STR(b.data, "x=" FFFD "\\x1b");
	CHECK_INT(b.len, strlen("x=" FFFD "\\x1b"));
	scout_buf_free(&b);

	scout_escape_utf8(&b, "");
	CHECK(b.data != NULL);
	CHECK_INT(b.len, 0);
	scout_buf_free(&b);
}

static void test_terminal_controls(void)
{
	CHECK_TERM("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m");
	CHECK_TERM("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07");
	CHECK_TERM("a\rb\nc\td", "a\\x0db\\x0ac\\x09d");
	CHECK_TERM("\x01\x1f", "\\x01\\x1f");
	CHECK_TERM("del\x7f", "del\\x7f");
	CHECK_TERM("\xC2\x9B"
	           "2J",
	           "\\x9b2J"); /* C1 CSI, as its code point */
	CHECK_TERM("\xC2\x80\xC2\x9F\xC2\xA0", "\\x80\\x9f\xC2\xA0");
	CHECK_TERM("\x9b"
	           "2J",
	           FFFD "2J"); /* a raw 0x9B byte is not UTF-8 */
	CHECK_TERM("\xC0\x9B", FFFD FFFD);
	CHECK_TERM(" ~", " ~");
}

/* scout_escape_html of s, as a new string (owned by caller). */
static char *html(const char *s)
{
	scout_buf b = {0};

	scout_escape_html(&b, s);
	return scout_buf_detach(&b);
}

#define CHECK_HTML(input, expected)                                                                \
	do {                                                                                       \
		char *got_ = html(input);                                                          \
		CHECK_STR(got_, expected);                                                         \
		free(got_);                                                                        \
	} while (0)

static void test_html(void)
{
	CHECK_HTML("<script>alert(1)</script>.py", "&lt;script&gt;alert(1)&lt;/script&gt;.py");
	CHECK_HTML("a\"b&c'onmouseover=x", "a&quot;b&amp;c&#39;onmouseover=x");
	CHECK_HTML("&amp;", "&amp;amp;"); /* entities in the input stay text */
	CHECK_HTML("</title><img src=x>", "&lt;/title&gt;&lt;img src=x&gt;");
	CHECK_HTML("tab\tlf\n", "tab\tlf\n"); /* whitespace HTML keeps */
	CHECK_HTML("cr\r\x01\x1b[0m\x7f", "cr" FFFD FFFD FFFD "[0m" FFFD);
	CHECK_HTML("\xC2\x80\xC2\x9F\xC2\xA0", FFFD FFFD "\xC2\xA0");           /* C1; NBSP kept */
	CHECK_HTML("\xEF\xB7\x90\xEF\xBF\xBE\xF0\x9F\xBF\xBF", FFFD FFFD FFFD); /* nonchars */
	CHECK_HTML("\xEF\xB7\xB0", "\xEF\xB7\xB0"); /* U+FDF0 is a character */
	CHECK_HTML("caf\xC3\xA9 \xF0\x9F\x90\x8D", "caf\xC3\xA9 \xF0\x9F\x90\x8D");
	CHECK_HTML("bad\xFF<", "bad" FFFD "&lt;");
	CHECK_HTML(NULL, "");
	CHECK_HTML("", "");
}

/* An href: the path as a URI first, then as an HTML attribute. */
static void test_html_href(void)
{
	scout_buf uri = {0}, b = {0};

	scout_escape_uri_path(&uri, "src/<script>\"&'#x.py");
	scout_escape_html(&b, uri.data);
	CHECK_STR(b.data, "src/%3Cscript%3E%22%26%27%23x.py");
	scout_buf_free(&uri);
	scout_buf_free(&b);
}

int main(void)
{
	test_valid_text_unchanged();
	test_invalid_utf8();
	test_appends();
	test_terminal_controls();
	test_html();
	test_html_href();
	return check_report("test_escape");
}
