/* The CI formats (github, sarif, gitlab, junit, json-lines) and their escaping
 * rules in reporters/escape.c, on hostile input: %, CR, LF, ':' and ',' in
 * file names and messages, quotes, <>&, control characters, invalid UTF-8.
 *
 * `test_ci_formats --github-hostile STRINGS.hex` instead prints the github
 * report for each string of the file (see tests/tools/actions-escape.mjs),
 * which tests/cli/ci_formats.sh compares with @actions/core's own output. */
#include "reporter.h"
#include "summary.h"
#include "escape.h"
#include "scout/ruleinfo.h"
#include "check.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#define FFFD "\xEF\xBF\xBD"

/* A path and a message with everything the formats must escape. */
#define EVIL_PATH "pkg/a%b:c,d \"q\" <&> #?\r\n\x01\xff\xC3\xA9.py"
#define EVIL_MSG  "100% \"x\" a:b,c <tag>&\r\nnext\x1b[31m\xff"

typedef void (*escape_fn)(scout_buf *b, const char *s);

static char *escaped(escape_fn fn, const char *s)
{
	scout_buf b = {0};

	fn(&b, s);
	return scout_buf_detach(&b);
}

#define CHECK_ESCAPE(fn, input, expected)                                                          \
	do {                                                                                       \
		char *got_ = escaped(fn, input);                                                   \
		CHECK_STR(got_, expected);                                                         \
		free(got_);                                                                        \
	} while (0)

/* ---- escaping ------------------------------------------------------------ */

static void test_github_escapes(void)
{
	CHECK_ESCAPE(scout_escape_github_data, "", "");
	CHECK_ESCAPE(scout_escape_github_data, NULL, "");
	CHECK_ESCAPE(scout_escape_github_data, "100% %25 %0A", "100%25 %2525 %250A");
	CHECK_ESCAPE(scout_escape_github_data, "a\rb\nc\r\n", "a%0Db%0Ac%0D%0A");
	CHECK_ESCAPE(scout_escape_github_data, "a:b,c::d", "a:b,c::d");
	CHECK_ESCAPE(scout_escape_github_data, "x\n::error::pwned", "x%0A::error::pwned");
	CHECK_ESCAPE(scout_escape_github_data, "\"q\" <&> \t\x1b[31m", "\"q\" <&> \t\\x1b[31m");
	CHECK_ESCAPE(scout_escape_github_data,
	             "\x01\x7f\xc2\x9b"
	             "2J",
	             "\\x01\\x7f\\x9b2J");
	CHECK_ESCAPE(scout_escape_github_property, "a\x1b]8;;x\x07", "a\\x1b]8;;x\\x07");
	CHECK_ESCAPE(scout_escape_github_data, "bad\xff\xC0\xAF caf\xC3\xA9",
	             "bad" FFFD FFFD FFFD " caf\xC3\xA9");
	CHECK_ESCAPE(scout_escape_github_property, "a:b,c::d", "a%3Ab%2Cc%3A%3Ad");
	CHECK_ESCAPE(scout_escape_github_property, "100%\r\n", "100%25%0D%0A");
	CHECK_ESCAPE(scout_escape_github_property, "x\n::error file=e,line=1::p",
	             "x%0A%3A%3Aerror file=e%2Cline=1%3A%3Ap");
	CHECK_ESCAPE(scout_escape_github_property, "\xed\xa0\x80", FFFD FFFD FFFD);
}

static void test_uri_escape(void)
{
	CHECK_ESCAPE(scout_escape_uri_path, "pkg/core_1-2.~x.py", "pkg/core_1-2.~x.py");
	CHECK_ESCAPE(scout_escape_uri_path, "a b%c#d?e", "a%20b%25c%23d%3Fe");
	CHECK_ESCAPE(scout_escape_uri_path, "c:/x.py", "c%3A/x.py"); /* not a scheme */
	CHECK_ESCAPE(scout_escape_uri_path, "caf\xC3\xA9/\xF0\x9F\x90\x8D.py",
	             "caf%C3%A9/%F0%9F%90%8D.py");
	CHECK_ESCAPE(scout_escape_uri_path, "bad\xff\r\n\x01", "bad%FF%0D%0A%01");
	CHECK_ESCAPE(scout_escape_uri_path, "!$&'()*+,;=@[]\\\"<>`{|}^",
	             "%21%24%26%27%28%29%2A%2B%2C%3B%3D%40%5B%5D%5C%22%3C%3E%60%7B%7C%7D%5E");
	CHECK_ESCAPE(scout_escape_uri_path, NULL, "");
}

static void test_xml_escape(void)
{
	CHECK_ESCAPE(scout_escape_xml, "<a href=\"x\">&'</a>",
	             "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
	CHECK_ESCAPE(scout_escape_xml, "]]>", "]]&gt;");
	CHECK_ESCAPE(scout_escape_xml, "t\tl\nr\r", "t&#9;l&#10;r&#13;");
	CHECK_ESCAPE(scout_escape_xml, "\x01\x08\x0b\x0c\x1b\x1f", FFFD FFFD FFFD FFFD FFFD FFFD);
	CHECK_ESCAPE(scout_escape_xml, "\xEF\xBF\xBE\xEF\xBF\xBF", FFFD FFFD); /* U+FFFE, U+FFFF */
	CHECK_ESCAPE(scout_escape_xml, "\x7f\xC2\x85 caf\xC3\xA9 \xF0\x9F\x90\x8D",
	             "\x7f\xC2\x85 caf\xC3\xA9 \xF0\x9F\x90\x8D"); /* allowed in XML 1.0 */
	CHECK_ESCAPE(scout_escape_xml, "bad\xff", "bad" FFFD);
	CHECK_ESCAPE(scout_escape_xml, "%:,", "%:,");
}

static void test_markdown_escape(void)
{
	CHECK_ESCAPE(scout_escape_markdown_inline, "if __name__ == x", "if \\_\\_name\\_\\_ == x");
	CHECK_ESCAPE(scout_escape_markdown_inline, "keep `__init__` and ``a`b``",
	             "keep `__init__` and ``a`b``");
	CHECK_ESCAPE(scout_escape_markdown_inline, "odd ` tick", "odd \\` tick");
	CHECK_ESCAPE(scout_escape_markdown_inline, "*b* [l](u) <h> a|b ~s~ &amp; #1 !x \\",
	             "\\*b\\* \\[l\\](u) \\<h\\> a\\|b \\~s\\~ \\&amp; \\#1 \\!x \\\\");
	CHECK_ESCAPE(scout_escape_markdown_inline, "a\r\nb\x1b`c\nd`", "a  b `c d`");
	CHECK_ESCAPE(scout_escape_markdown_inline, "bad\xff", "bad" FFFD);
	CHECK_ESCAPE(scout_escape_markdown_inline, "", "");
}

/* ---- the scenario ------------------------------------------------------ */

static void add_module(scout_scan *scan, const char *path, const char *module)
{
	scout_module m = {.path = scout_strdup(path), .module = scout_strdup(module), .lines = 40};

	SCOUT_PUSH(scan->modules, scan->nmodules, scan->modules_cap, m);
}

/* Two modules (one clean, one hostile with a blocker, a non-native, a
 * multi-line behaviour finding and a finding of a rule outside the catalog),
 * a diagnostic about the hostile module and one about another file. */
static void build_scan(scout_scan *scan, const char *root)
{
	scout_module *evil;

	*scan = (scout_scan){.root = scout_strdup(root), .source = scout_strdup("worktree")};
	add_module(scan, "pkg/clean.py", "pkg.clean");
	add_module(scan, EVIL_PATH, "pkg.evil");
	evil = &scan->modules[1];
	scout_module_add_finding(evil, "nested-class", SCOUT_BLOCKER, 12, 5, 12, 10, EVIL_MSG,
	                         "move Inner to module level");
	scout_module_add_finding(evil, "enum-nonnative", SCOUT_NON_NATIVE, 3, 1, 3, 9, "enum",
	                         NULL);
	scout_module_add_finding(evil, "run-as-script", SCOUT_BEHAVIOUR, 20, 1, 22, 4, "main", "");
	scout_module_add_finding(evil, "not-a-rule", SCOUT_SLOW, 30, 2, 30, 3, "odd", "x");
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_module *m = &scan->modules[i];

		scout_grow((void **)&m->findings, &m->findings_cap, 1, sizeof(*m->findings));
		scout_module_finish(m, 0.8);
	}
	scout_scan_add_diag(scan, EVIL_PATH, SCOUT_DIAG_SYNTAX_ERROR, 12, "bad\rthing, here: %");
	scout_scan_add_diag(scan, "zz/unread\"able<.py", SCOUT_DIAG_UNREADABLE, 0,
	                    "denied & <gone>");
	scout_scan_add_diag(scan, "zz/skip.py", SCOUT_DIAG_SKIPPED, 0, "not a regular file");
	scout_scan_sort(scan); /* pkg/a%b... first, then pkg/clean.py */
}

static const cJSON *at(const cJSON *array, int i)
{
	return cJSON_GetArrayItem(array, i);
}

/* ---- github ------------------------------------------------------------ */

static void test_github(const scout_scan *scan)
{
	char *out = util_render("github", scan, true);
	const char *evil_file = "file=pkg/a%25b%3Ac%2Cd \"q\" <&> #?%0D%0A\\x01" FFFD "\xC3\xA9.py";
	char expected[1024];

	snprintf(expected, sizeof(expected),
	         "::warning title=enum-nonnative%%3A Enum subclass (always a regular Python "
	         "class),%s,line=3,endLine=3,col=1,endColumn=9::enum\n",
	         evil_file);
	CHECK(strstr(out, expected) != NULL);
	snprintf(
	    expected, sizeof(expected),
	    "::error title=nested-class%%3A class defined inside a function or a module-level "
	    "block,%s,line=12,endLine=12,col=5,endColumn=10::100%%25 \"x\" a:b,c <tag>&%%0D%%0A"
	    "next\\x1b[31m" FFFD "%%0Afix: move Inner to module level\n",
	    evil_file);
	CHECK(strstr(out, expected) != NULL);
	/* multi-line: no columns; empty fix: no fix line; unknown rule: the id alone */
	CHECK(strstr(out, ",line=20,endLine=22::main\n") != NULL);
	CHECK(strstr(out, "::notice title=not-a-rule,") != NULL); /* slow: a notice */
	snprintf(expected, sizeof(expected),
	         "::warning title=mypyc-scout%%3A syntax-error,%s,line=12::bad%%0Dthing, here: "
	         "%%25\n",
	         evil_file);
	CHECK(strstr(out, expected) != NULL);
	CHECK(strstr(out, "::warning title=mypyc-scout%3A unreadable,file=zz/unread\"able<.py::"
	                  "denied & <gone>\n") != NULL);
	CHECK(strstr(out, "pkg/clean.py") == NULL);
	CHECK(strchr(out, '\r') == NULL);
	free(out);
}

/* ---- sarif ------------------------------------------------------------- */

static void check_sarif_rules(const cJSON *rules)
{
	const cJSON *nested = at(rules, 1);

	CHECK_INT(cJSON_GetArraySize(rules), 4); /* the rules used, sorted by id */
	CHECK_STR(json_str(at(rules, 0), "id"), "enum-nonnative");
	CHECK_STR(json_str(at(rules, 1), "id"), "nested-class");
	CHECK_STR(json_str(at(rules, 2), "id"), "not-a-rule");
	CHECK_STR(json_str(at(rules, 3), "id"), "run-as-script");
	CHECK_STR(json_str(nested, "name"), "NestedClass");
	CHECK(json_str(json_get(nested, "shortDescription"), "text") != NULL);
	CHECK(json_str(json_get(nested, "fullDescription"), "text") != NULL);
	CHECK(strstr(json_str(json_get(nested, "help"), "text"), "Fix: ") != NULL);
	CHECK(strstr(json_str(json_get(nested, "help"), "markdown"), "**Fix:**") != NULL);
	CHECK(scout_str_startswith(json_str(nested, "helpUri"), "https://"));
	CHECK_STR(json_str(json_get(nested, "defaultConfiguration"), "level"), "error");
	CHECK_STR(json_str(json_get(at(rules, 0), "defaultConfiguration"), "level"), "warning");
	CHECK(json_get(at(rules, 2), "shortDescription") == NULL); /* unknown: id and name only */
}

static void check_sarif_results(const cJSON *results, const cJSON *rules, const scout_scan *scan)
{
	const cJSON *r = at(results, 1),
	            *loc = json_get(at(json_get(r, "locations"), 0), "physicalLocation");
	const cJSON *region = json_get(loc, "region"), *multi;

	CHECK_INT(cJSON_GetArraySize(results), 4);
	CHECK_STR(json_str(r, "ruleId"), "nested-class");
	CHECK_STR(json_str(r, "level"), "error");
	CHECK_STR(json_str(json_get(r, "message"), "text"),
	          "100% \"x\" a:b,c <tag>&\r\nnext\x1b[31m" FFFD
	          "\nfix: move Inner to module level");
	CHECK_STR(json_str(json_get(loc, "artifactLocation"), "uri"),
	          "pkg/a%25b%3Ac%2Cd%20%22q%22%20%3C%26%3E%20%23%3F%0D%0A%01%FF%C3%A9.py");
	CHECK_STR(json_str(json_get(loc, "artifactLocation"), "uriBaseId"), "%SRCROOT%");
	CHECK_INT(json_num(region, "startLine"), 12);
	CHECK_INT(json_num(region, "startColumn"), 5);
	CHECK_INT(json_num(region, "endLine"), 12);
	CHECK_INT(json_num(region, "endColumn"), 10);
	CHECK_STR(json_str(json_get(r, "partialFingerprints"), "mypyc-scout/v1"),
	          scan->modules[0].findings[1].fingerprint);
	for (int i = 0; i < cJSON_GetArraySize(results); i++) {
		const cJSON *ri = at(results, i);

		CHECK_STR(json_str(at(rules, (int)json_num(ri, "ruleIndex")), "id"),
		          json_str(ri, "ruleId"));
	}
	multi = json_get(json_get(at(json_get(at(results, 2), "locations"), 0), "physicalLocation"),
	                 "region");
	CHECK_INT(json_num(multi, "endLine"), 22);
	CHECK_INT(json_num(multi, "endColumn"), 4);
}

static void test_sarif(const scout_scan *scan)
{
	char *out = util_render("sarif", scan, true);
	cJSON *doc = cJSON_Parse(out);
	const cJSON *run = at(json_get(doc, "runs"), 0),
	            *driver = json_get(json_get(run, "tool"), "driver");
	const cJSON *inv = at(json_get(run, "invocations"), 0);
	const cJSON *notes = json_get(inv, "toolExecutionNotifications");

	CHECK(doc != NULL);
	CHECK_STR(json_str(doc, "version"), "2.1.0");
	CHECK(scout_str_startswith(json_str(doc, "$schema"), "https://"));
	CHECK_INT(cJSON_GetArraySize(json_get(doc, "runs")), 1);
	CHECK_STR(json_str(driver, "name"), "mypyc-scout");
	CHECK_STR(json_str(driver, "version"), SCOUT_VERSION);
	CHECK(scout_str_startswith(json_str(driver, "informationUri"), "https://"));
	CHECK_STR(json_str(run, "columnKind"), "unicodeCodePoints");
	check_sarif_rules(json_get(driver, "rules"));
	check_sarif_results(json_get(run, "results"), json_get(driver, "rules"), scan);
	CHECK(cJSON_IsTrue(json_get(inv, "executionSuccessful")));
	CHECK_INT(cJSON_GetArraySize(notes), 3);
	CHECK_STR(json_str(json_get(at(notes, 0), "message"), "text"),
	          "syntax-error: bad\rthing, here: %");
	CHECK_INT(json_num(json_get(json_get(at(json_get(at(notes, 0), "locations"), 0),
	                                     "physicalLocation"),
	                            "region"),
	                   "startLine"),
	          12);
	CHECK_STR(json_str(json_get(json_get(run, "originalUriBaseIds"), "%SRCROOT%"), "uri"),
	          "file:///tmp/repo%20a%25b%23/");
	cJSON_Delete(doc);
	free(out);
}

/* A relative root cannot be a base URI: the base id only describes it. */
static void test_sarif_relative_root(void)
{
	scout_scan scan = {.root = scout_strdup("src/my repo")};
	char *out = util_render("sarif", &scan, true);
	cJSON *doc = cJSON_Parse(out);
	const cJSON *run = at(json_get(doc, "runs"), 0);
	const cJSON *base = json_get(json_get(run, "originalUriBaseIds"), "%SRCROOT%");

	CHECK(json_get(base, "uri") == NULL);
	CHECK(strstr(json_str(json_get(base, "description"), "text"), "src/my repo") != NULL);
	CHECK_INT(cJSON_GetArraySize(json_get(run, "results")), 0);
	CHECK_INT(cJSON_GetArraySize(json_get(json_get(json_get(run, "tool"), "driver"), "rules")),
	          0);
	cJSON_Delete(doc);
	free(out);
	scout_scan_free(&scan);
}

/* ---- gitlab ------------------------------------------------------------ */

static void test_gitlab(const scout_scan *scan)
{
	char *out = util_render("gitlab", scan, true);
	cJSON *doc = cJSON_Parse(out);
	const cJSON *nested = at(doc, 1), *loc = json_get(nested, "location");
	static const char *const severities[] = {"major", "critical", "major", "minor"};

	CHECK(cJSON_IsArray(doc));
	CHECK_INT(cJSON_GetArraySize(doc), 4);
	for (int i = 0; i < cJSON_GetArraySize(doc) && i < 4; i++) {
		CHECK_STR(json_str(at(doc, i), "severity"), severities[i]);
		CHECK_STR(json_str(at(doc, i), "fingerprint"),
		          scan->modules[0].findings[i].fingerprint);
		for (int j = 0; j < i; j++)
			CHECK(strcmp(json_str(at(doc, i), "fingerprint"),
			             json_str(at(doc, j), "fingerprint")) != 0);
	}
	CHECK_STR(json_str(nested, "check_name"), "nested-class");
	CHECK_STR(json_str(nested, "description"), "100% \"x\" a:b,c <tag>&\r\nnext\x1b[31m" FFFD);
	CHECK_STR(json_str(json_get(nested, "content"), "body"), "fix: move Inner to module level");
	CHECK_STR(json_str(loc, "path"), "pkg/a%b:c,d \"q\" <&> #?\r\n\x01" FFFD "\xC3\xA9.py");
	CHECK_INT(json_num(json_get(loc, "lines"), "begin"), 12);
	CHECK_STR(cJSON_GetStringValue(at(json_get(nested, "categories"), 0)), "Compatibility");
	CHECK(json_get(at(doc, 2), "content") == NULL); /* empty fix */
	cJSON_Delete(doc);
	free(out);
}

/* ---- junit ------------------------------------------------------------- */

static bool has_raw_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\n')
			return true;
	return false;
}

static void test_junit(const scout_scan *scan)
{
	char *out = util_render("junit", scan, true);
	const char *evil =
	    "pkg/a%b:c,d &quot;q&quot; &lt;&amp;&gt; #?&#13;&#10;" FFFD FFFD "\xC3\xA9.py";
	char expected[1024];

	CHECK(scout_str_startswith(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "
	                                "name=\"mypyc-scout\" tests=\"4\" failures=\"1\" "
	                                "errors=\"1\" skipped=\"1\">\n"));
	CHECK(!has_raw_control(out));
	snprintf(expected, sizeof(expected), "<testcase classname=\"pkg.evil\" name=\"%s\">", evil);
	CHECK(strstr(out, expected) != NULL);
	snprintf(expected, sizeof(expected),
	         "<failure type=\"nested-class\" message=\"nested-class: 100%% &quot;x&quot; a:b,c "
	         "&lt;tag&gt;&amp;&#13;&#10;next" FFFD "[31m" FFFD "\">%s:12:5: blocker "
	         "nested-class 100%% &quot;x&quot;",
	         evil);
	CHECK(strstr(out, expected) != NULL);
	CHECK(strstr(out, "\n    fix: move Inner to module level</failure>") != NULL);
	CHECK(strstr(out, "<system-out>") != NULL && strstr(out, "behaviour run-as-script main\n"));
	snprintf(expected, sizeof(expected),
	         "<system-err>%s:12: syntax-error: bad&#13;thing, here: %%\n</system-err>", evil);
	CHECK(strstr(out, expected) != NULL);
	CHECK(strstr(out, "<testcase classname=\"pkg.clean\" name=\"pkg/clean.py\"/>") != NULL);
	CHECK(strstr(out, "<skipped message=\"skipped: not a regular file\"/>") != NULL);
	CHECK(strstr(out, "name=\"zz/unread&quot;able&lt;.py\">\n      <error type=\"unreadable\" "
	                  "message=\"unreadable: denied &amp; &lt;gone&gt;\">") != NULL);
	CHECK(scout_str_endswith(out, "  </testsuite>\n</testsuites>\n"));
	free(out);
}

/* ---- json-lines -------------------------------------------------------- */

static void test_jsonlines(const scout_scan *scan)
{
	char *out = util_render("json-lines", scan, true), *line = out;
	int n = 0;

	/* the keys in order, the strings valid UTF-8 with controls escaped */
	CHECK(strstr(out, "{\"path\":\"pkg/a%b:c,d \\\"q\\\" <&> #?\\r\\n\\u0001" FFFD
	                  "\xC3\xA9.py\",\"module\":\"pkg.evil\",\"rule\":\"nested-class\","
	                  "\"category\":\"blocker\",\"line\":12,\"column\":5,\"end_line\":12,"
	                  "\"end_column\":10,\"message\":\"100% \\\"x\\\" a:b,c <tag>&\\r\\nnext"
	                  "\\u001b[31m" FFFD "\",\"fix\":\"move Inner to module level\","
	                  "\"fingerprint\":\"") != NULL);
	for (char *end; (end = strchr(line, '\n')) != NULL; line = end + 1, n++) {
		cJSON *o;

		*end = '\0';
		o = cJSON_Parse(line);
		CHECK(o != NULL);
		CHECK_STR(json_str(o, "path"),
		          "pkg/a%b:c,d \"q\" <&> #?\r\n\x01" FFFD "\xC3\xA9.py");
		if ((size_t)n < scan->modules[0].nfindings)
			CHECK_STR(json_str(o, "fingerprint"),
			          scan->modules[0].findings[n].fingerprint);
		cJSON_Delete(o);
	}
	CHECK_STR(line, ""); /* every record ends with a newline */
	CHECK_INT(n, 4);
	free(out);
}

/* ---- registry, rule info, empty scans ------------------------------------ */

static void test_registry_and_ruleinfo(void)
{
	static const char *const names[] = {"json-lines", "sarif", "github", "gitlab", "junit"};
	const scout_rule_info *info = scout_rule_info_find("nested-class");

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		CHECK(scout_reporter_find(names[i]) != NULL);
		CHECK(strstr(scout_reporter_names(), names[i]) != NULL);
	}
	CHECK(info != NULL);
	if (info) {
		CHECK_STR(info->id, "nested-class");
		CHECK_INT(info->category, SCOUT_BLOCKER);
		CHECK(info->title && info->why && info->fix && info->docs);
	}
	CHECK(scout_rule_info_find("nested-class") == info);
	CHECK(scout_rule_info_find("no-such-rule") == NULL);
	CHECK(scout_rule_info_find(NULL) == NULL);
}

/* No modules and no diagnostics: github and json-lines write nothing, sarif
 * and gitlab a valid document, junit an empty suite. */
static void test_empty_scan(void)
{
	scout_scan scan = {0};
	char *github = util_render("github", &scan, true),
	     *lines = util_render("json-lines", &scan, true);
	char *sarif = util_render("sarif", &scan, true),
	     *gitlab = util_render("gitlab", &scan, true);
	char *junit = util_render("junit", &scan, true);
	cJSON *sarif_doc = cJSON_Parse(sarif), *gitlab_doc = cJSON_Parse(gitlab);

	CHECK_STR(github, "");
	CHECK_STR(lines, "");
	CHECK(sarif_doc != NULL);
	CHECK(cJSON_IsArray(gitlab_doc) && cJSON_GetArraySize(gitlab_doc) == 0);
	CHECK(strstr(junit, "tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\"") != NULL);
	cJSON_Delete(sarif_doc);
	cJSON_Delete(gitlab_doc);
	free(github);
	free(lines);
	free(sarif);
	free(gitlab);
	free(junit);
}

/* GitHub shows 10 annotations of each type per step: the report writes 10 of
 * each (blockers errors; behaviour and diagnostics warnings; slow and info
 * notices), says what it left out on a last plain line, and the job summary
 * counts every one. */
static void test_github_caps(void)
{
	scout_scan scan = {.root = scout_strdup("."), .source = scout_strdup("files")};
	scout_module m = {.path = scout_strdup("pkg/m.py"), .module = scout_strdup("pkg.m")};
	char *out, *summary = NULL;
	size_t len = 0;
	FILE *f;

	for (uint32_t i = 1; i <= 25; i++)
		scout_module_add_finding(&m, "nested-class", SCOUT_BLOCKER, i, 1, i, 2, "b", NULL);
	for (uint32_t i = 1; i <= 8; i++)
		scout_module_add_finding(&m, "debugger", SCOUT_BEHAVIOUR, i, 3, i, 4, "w", NULL);
	for (uint32_t i = 1; i <= 30; i++)
		scout_module_add_finding(&m, "star-args", i % 2 ? SCOUT_SLOW : SCOUT_INFO, i, 5, i,
		                         6, "n", NULL);
	scout_module_finish(&m, 0.8);
	SCOUT_PUSH(scan.modules, scan.nmodules, scan.modules_cap, m);
	for (uint32_t i = 1; i <= 4; i++)
		scout_scan_add_diag(&scan, "pkg/bad.py", SCOUT_DIAG_SYNTAX_ERROR, i, "bad");
	out = util_render("github", &scan, false);
	CHECK_INT(util_count(out, "::error "), 10);
	CHECK_INT(util_count(out, "::warning "), 10); /* 8 findings, then 2 of the 4 diagnostics */
	CHECK_INT(util_count(out, "::warning title=mypyc-scout%3A syntax-error"), 2);
	CHECK_INT(util_count(out, "::notice "), 10);
	CHECK(strstr(out, "\nmypyc-scout: annotated 10 of 25 errors, 10 of 12 warnings, 10 of 30 "
	                  "notices (GitHub shows 10 of each per step); the job summary counts "
	                  "them all, --format text lists them\n") != NULL);
	f = open_memstream(&summary, &len);
	CHECK_INT(scout_summary_write(f, &scan), 0);
	fclose(f);
	CHECK(strstr(summary, "| error | 25 | 10 | 15 |\n| warning | 12 | 10 | 2 |\n"
	                      "| notice | 30 | 10 | 20 |\n") != NULL);
	free(summary);
	free(out);
	scout_scan_free(&scan);
	/* under the cap: no last line */
	build_scan(&scan, "/tmp/repo");
	out = util_render("github", &scan, false);
	CHECK(strstr(out, "mypyc-scout: annotated") == NULL);
	free(out);
	scout_scan_free(&scan);
}

/* ---- --github-hostile: our side of the @actions/core comparison --------- */

/* For each hex line of `file` (# comments), the github report of a scan with
 * one blocker whose rule, path, message and fix are the string, and one
 * syntax-error diagnostic whose path and message are the string. */
static int print_github_hostile(const char *file)
{
	FILE *in = fopen(file, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!in) {
		perror(file);
		return 2;
	}
	while ((len = getline(&line, &cap, in)) >= 0) {
		scout_buf s = {0};
		scout_scan scan = {0};
		scout_module m = {0};
		char *out;

		if (line[0] == '#')
			continue;
		scout_buf_put(&s, "", 0);
		for (ssize_t i = 0; i + 1 < len && line[i] != '\n'; i += 2) {
			unsigned byte;

			sscanf(line + i, "%2x", &byte);
			scout_buf_putc(&s, (char)byte);
		}
		m.path = scout_strdup(s.data);
		m.module = scout_strdup("m");
		scout_module_add_finding(&m, s.data, SCOUT_BLOCKER, 1, 1, 1, 2, s.data, s.data);
		SCOUT_PUSH(scan.modules, scan.nmodules, scan.modules_cap, m);
		scout_scan_add_diag(&scan, s.data, SCOUT_DIAG_SYNTAX_ERROR, 1, s.data);
		out = util_render("github", &scan, true);
		fputs(out, stdout);
		free(out);
		scout_scan_free(&scan);
		scout_buf_free(&s);
	}
	free(line);
	fclose(in);
	return check_failed ? 1 : 0;
}

/* Findings with one fingerprint (rule, path, message without digits) are
 * told apart by "-2", "-3"... in the order they were found, whatever comes
 * between them and however many there are. */
static void test_fingerprint_occurrences(void)
{
	scout_module m = {0};
	static const char *const messages[] = {"a 1", "b", "a 2", "a 3", "b", "c", "a 4"};
	static const char *const suffixes[] = {"", "", "-2", "-3", "-2", "", "-4"};

	m.path = scout_strdup("pkg/mod.py");
	for (uint32_t i = 0; i < 7; i++) /* no sorting by position: one line each, in order */
		scout_module_add_finding(&m, "nested-class", SCOUT_BLOCKER, i + 1, 1, i + 1, 2,
		                         messages[i], "");
	scout_module_finish(&m, 0.8);
	CHECK_INT(m.nfindings, 7);
	for (size_t i = 0; i < m.nfindings && i < 7; i++) {
		CHECK_INT(strlen(m.findings[i].fingerprint), 16 + strlen(suffixes[i]));
		CHECK_STR(m.findings[i].fingerprint + 16, suffixes[i]);
	}
	CHECK(strncmp(m.findings[0].fingerprint, m.findings[6].fingerprint, 16) == 0);
	CHECK(strncmp(m.findings[0].fingerprint, m.findings[1].fingerprint, 16) != 0);
	scout_module_clear(&m);
}

int main(int argc, char **argv)
{
	scout_scan scan;

	if (argc == 3 && strcmp(argv[1], "--github-hostile") == 0)
		return print_github_hostile(argv[2]);
	test_github_escapes();
	test_uri_escape();
	test_xml_escape();
	test_markdown_escape();
	build_scan(&scan, "/tmp/repo a%b#");
	test_github(&scan);
	test_sarif(&scan);
	test_sarif_relative_root();
	test_gitlab(&scan);
	test_junit(&scan);
	test_jsonlines(&scan);
	scout_scan_free(&scan);
	test_registry_and_ruleinfo();
	test_empty_scan();
	test_fingerprint_occurrences();
	test_github_caps();
	return check_report("test_ci_formats");
}
