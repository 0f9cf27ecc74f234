/* The json and text reporters on an in-memory scan whose repository strings
 * are hostile (quotes, backslashes, newlines, ANSI/OSC escapes, invalid UTF-8,
 * markup): the JSON parses back with docs/report-schema.md's keys and values, and
 * the text report never lets a control byte from the data reach the terminal. */
#include "reporter.h"
#include "escape.h"
#include "check.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#define FFFD "\xEF\xBF\xBD"

#define EVIL_PATH    "pkg/evil\"q\\b\n\x1b[31m\xff<script>.py"
#define EVIL_PATH_OK "pkg/evil\"q\\b\n\x1b[31m" FFFD "<script>.py"
#define EVIL_MSG                                                                                   \
	"class \"Inner\" \\ nested\r\n\x1b]0;pwned\x07\x1b[2J \xff <script>alert(1)</script>"
#define EVIL_MSG_OK                                                                                \
	"class \"Inner\" \\ nested\r\n\x1b]0;pwned\x07\x1b[2J " FFFD " <script>alert(1)</script>"

/* ---- the scenario ------------------------------------------------------ */

/* scout_module_finish on a module without findings: until result.c guards its
 * qsort, give it a non-NULL (empty) array so UBSan does not flag
 * qsort(NULL, 0, ...). */
static void finish_module(scout_module *m, double coverage_threshold)
{
	scout_grow((void **)&m->findings, &m->findings_cap, 1, sizeof(*m->findings));
	scout_module_finish(m, coverage_threshold);
}

static void add_core(scout_scan *scan)
{
	scout_module m = {
	    .path = scout_strdup("pkg/core.py"),
	    .module = scout_strdup("pkg.core"),
	    .lines = 120,
	    .ann = {.defs = 10,
	            .typed_defs = 9,
	            .fully_typed_defs = 7,
	            .slots = 30,
	            .annotated_slots = 26,
	            .any = 2,
	            .type_ignores = 1},
	    .hotness = 0.312345,
	    .has_hotness = true,
	};

	finish_module(&m, scan->coverage_threshold);
	SCOUT_PUSH(scan->modules, scan->nmodules, scan->modules_cap, m);
}

static void add_evil(scout_scan *scan)
{
	scout_module m = {
	    .path = scout_strdup(EVIL_PATH),
	    .module = scout_strdup("pkg.evil\xff"),
	    .lines = 50,
	    .ann = {.defs = 4, .typed_defs = 1, .slots = 8, .annotated_slots = 2},
	};

	scout_module_add_finding(&m, "nested-class", SCOUT_BLOCKER, 12, 5, 14, 20, EVIL_MSG,
	                         "move Inner to module level");
	scout_module_add_finding(&m, "nested-class", SCOUT_BLOCKER, 20, 1, 20, 9, "again", "");
	scout_module_add_finding(&m, "conditional-def", SCOUT_BLOCKER, 3, 1, 4, 1, "cond",
	                         "define it once");
	scout_module_add_finding(&m, "dynamic-attr", SCOUT_NON_NATIVE, 7, 3, 7, 10,
	                         "setattr\x1b[1m", NULL);
	scout_module_finish(&m, scan->coverage_threshold);
	SCOUT_PUSH(scan->modules, scan->nmodules, scan->modules_cap, m);
}

static void build_scan(scout_scan *scan)
{
	*scan = (scout_scan){
	    .root = scout_strdup("/tmp/repo \x1b[1mbold"),
	    .source = scout_strdup("worktree"),
	    .coverage_threshold = 0.8,
	};
	add_evil(scan);
	add_core(scan);
	scout_scan_add_diag(scan, "pkg/broken.py", SCOUT_DIAG_SYNTAX_ERROR, 3, "unexpected indent");
	scout_scan_add_diag(scan, "pkg/bad\xff.py", SCOUT_DIAG_NOT_UTF8, 0, "byte 0xff \x1b[2J");
	scout_scan_sort(scan);
}

static bool valid_utf8(const char *s)
{
	char *copy = scout_escape_utf8_dup(s);
	bool same = strcmp(copy, s) == 0;

	free(copy);
	return same;
}

/* ---- JSON -------------------------------------------------------------- */

static void check_keys(const cJSON *obj, const char *const *keys, size_t n, const char *what)
{
	const cJSON *item;
	size_t i = 0;

	CHECK(cJSON_IsObject(obj));
	cJSON_ArrayForEach(item, obj)
	{
		if (i < n)
			CHECK_STR(item->string, keys[i]);
		else
			fprintf(stderr, "%s: extra key \"%s\"\n", what, item->string);
		i++;
	}
	CHECK_INT(i, n);
}

#define KEYS(obj, what, ...)                                                                       \
	check_keys(obj, (const char *const[]){__VA_ARGS__},                                        \
	           sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *), what)

static void check_summary(const cJSON *doc)
{
	const cJSON *sum = json_get(doc, "summary");

	KEYS(sum, "summary", "modules", "lines", "verdicts", "findings", "annotation_coverage");
	KEYS(json_get(sum, "verdicts"), "verdicts", "ready", "needs-annotations", "needs-changes",
	     "blocked", "unknown");
	KEYS(json_get(sum, "findings"), "findings", "blocker", "non-native", "behaviour", "slow",
	     "info");
	CHECK_INT(json_num(sum, "modules"), 2);
	CHECK_INT(json_num(sum, "lines"), 170);
	CHECK_INT(json_num(json_get(sum, "verdicts"), "ready"), 1);
	CHECK_INT(json_num(json_get(sum, "verdicts"), "blocked"), 1);
	CHECK_INT(json_num(json_get(sum, "verdicts"), "needs-changes"), 0);
	CHECK_INT(json_num(json_get(sum, "findings"), "blocker"), 3);
	CHECK_INT(json_num(json_get(sum, "findings"), "non-native"), 1);
	CHECK_INT(json_num(json_get(sum, "findings"), "slow"), 0);
	CHECK(json_num(sum, "annotation_coverage") == 0.7368); /* 28/38 */
}

static void check_core(const cJSON *m)
{
	const cJSON *ann = json_get(m, "annotations");

	KEYS(m, "module", "path", "module", "lines", "verdict", "score", "annotations", "hotness",
	     "shipped", "findings");
	KEYS(ann, "annotations", "defs", "typed_defs", "fully_typed_defs", "untyped_defs", "slots",
	     "annotated_slots", "coverage", "any", "type_ignores");
	CHECK_STR(json_str(m, "path"), "pkg/core.py");
	CHECK_STR(json_str(m, "module"), "pkg.core");
	CHECK_STR(json_str(m, "verdict"), "ready");
	CHECK_INT(json_num(m, "score"), 87);
	CHECK_INT(json_num(ann, "untyped_defs"), 1);
	CHECK(json_num(ann, "coverage") == 0.8667);
	CHECK_INT(json_num(ann, "type_ignores"), 1);
	CHECK(json_num(m, "hotness") == 0.3123);
	CHECK_INT(cJSON_GetArraySize(json_get(m, "findings")), 0);
}

static void check_evil(const cJSON *m)
{
	const cJSON *findings = json_get(m, "findings"), *f = cJSON_GetArrayItem(findings, 2);

	CHECK_STR(json_str(m, "path"), EVIL_PATH_OK);
	CHECK_STR(json_str(m, "module"), "pkg.evil" FFFD);
	CHECK_STR(json_str(m, "verdict"), "blocked");
	CHECK_INT(json_num(json_get(m, "annotations"), "untyped_defs"), 3);
	CHECK(cJSON_IsNull(json_get(m, "hotness")));
	CHECK_INT(cJSON_GetArraySize(findings), 4);
	CHECK_STR(json_str(cJSON_GetArrayItem(findings, 0), "rule"), "conditional-def");
	CHECK_STR(json_str(cJSON_GetArrayItem(findings, 1), "fix"), "");
	KEYS(f, "finding", "rule", "category", "line", "column", "end_line", "end_column",
	     "message", "fix", "fingerprint");
	CHECK_STR(json_str(f, "rule"), "nested-class");
	CHECK_STR(json_str(f, "category"), "blocker");
	CHECK_INT(json_num(f, "line"), 12);
	CHECK_INT(json_num(f, "end_column"), 20);
	CHECK_STR(json_str(f, "message"), EVIL_MSG_OK);
	CHECK_STR(json_str(f, "fix"), "move Inner to module level");
}

static void check_plan(const cJSON *doc)
{
	const cJSON *plan = json_get(doc, "plan"), *blocked = json_get(plan, "blocked");
	const cJSON *entry = cJSON_GetArrayItem(blocked, 0), *rules = json_get(entry, "rules");

	KEYS(plan, "plan", "compile", "blocked", "mypycify", "covered");
	CHECK(cJSON_IsArray(json_get(plan, "compile")) &&
	      cJSON_GetArraySize(json_get(plan, "compile")) == 0);
	CHECK(cJSON_IsArray(json_get(plan, "mypycify")) &&
	      cJSON_GetArraySize(json_get(plan, "mypycify")) == 0);
	CHECK_INT(cJSON_GetArraySize(blocked), 1);
	KEYS(entry, "blocked entry", "module", "path", "rules");
	CHECK_STR(json_str(entry, "path"), EVIL_PATH_OK);
	CHECK_INT(cJSON_GetArraySize(rules), 2);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(rules, 0)), "conditional-def");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetArrayItem(rules, 1)), "nested-class");
}

static void check_diagnostics(const cJSON *doc)
{
	const cJSON *diags = json_get(doc, "diagnostics");
	const cJSON *bad = cJSON_GetArrayItem(diags, 0), *broken = cJSON_GetArrayItem(diags, 1);

	CHECK_INT(cJSON_GetArraySize(diags), 2);
	KEYS(bad, "diagnostic", "path", "kind", "line", "message");
	CHECK_STR(json_str(bad, "path"), "pkg/bad" FFFD ".py");
	CHECK_STR(json_str(bad, "kind"), "not-utf8");
	CHECK(cJSON_IsNull(json_get(bad, "line")));
	CHECK_STR(json_str(bad, "message"), "byte 0xff \x1b[2J");
	CHECK_STR(json_str(broken, "kind"), "syntax-error");
	CHECK_INT(json_num(broken, "line"), 3);
}

static void test_json(const scout_scan *scan)
{
	char *out = util_render("json", scan, true);
	cJSON *doc = cJSON_Parse(out);
	const cJSON *modules = json_get(doc, "modules");

	CHECK(doc != NULL);
	CHECK(valid_utf8(out));
	CHECK(strstr(out, "0.8667") && !strstr(out, "0.86666"));
	CHECK(strchr(out, '\x1b') == NULL); /* cJSON writes \u001b */
	CHECK(out[strlen(out) - 1] == '\n');
	KEYS(doc, "report", "schema_version", "tool", "root", "source", "hotness_source", "summary",
	     "modules", "plan", "diagnostics", "advisories");
	CHECK_INT(json_num(doc, "schema_version"), 2);
	CHECK_STR(json_str(json_get(doc, "tool"), "name"), "mypyc-scout");
	CHECK_STR(json_str(json_get(doc, "tool"), "version"), SCOUT_VERSION);
	CHECK_STR(json_str(doc, "root"), "/tmp/repo \x1b[1mbold");
	CHECK_STR(json_str(doc, "source"), "worktree");
	CHECK_STR(json_str(doc, "hotness_source"), "static");
	check_summary(doc);
	CHECK_INT(cJSON_GetArraySize(modules), 2);
	check_core(cJSON_GetArrayItem(modules, 0));
	check_evil(cJSON_GetArrayItem(modules, 1));
	check_plan(doc);
	check_diagnostics(doc);
	cJSON_Delete(doc);
	free(out);
}

/* ---- text -------------------------------------------------------------- */

/* With colour, the only escapes are our own SGR colours ESC [ digits m. */
static bool only_sgr_escapes(const char *s)
{
	static const char *const ours[] = {"\x1b[0m", "\x1b[31m", "\x1b[32m", "\x1b[33m",
	                                   "\x1b[36m"};

	for (const char *p = strchr(s, '\x1b'); p; p = strchr(p + 1, '\x1b')) {
		bool known = false;

		for (size_t i = 0; i < sizeof(ours) / sizeof(ours[0]); i++)
			known = known || strncmp(p, ours[i], strlen(ours[i])) == 0;
		if (!known)
			return false;
	}
	return true;
}

static void test_text(const scout_scan *scan)
{
	char *plain = util_render("text", scan, false), *color = util_render("text", scan, true);

	CHECK(strchr(plain, '\x1b') == NULL);
	CHECK(strchr(plain, '\r') == NULL && strchr(plain, '\a') == NULL);
	CHECK(valid_utf8(plain) && valid_utf8(color));
	CHECK(strstr(plain, "\nmypyc-scout " SCOUT_VERSION " \xE2\x80\x94 /tmp/repo "
	                    "\\x1b[1mbold\n") != NULL);
	CHECK(strstr(plain, "86.7%") != NULL);
	CHECK(strstr(plain, "9/10") != NULL);
	CHECK(strstr(plain, "pkg/evil\"q\\b\\x0a\\x1b[31m" FFFD "<script>.py:12:5: "
	                    "nested-class class \"Inner\" \\ nested\\x0d\\x0a\\x1b]0;pwned\\x07"
	                    "\\x1b[2J " FFFD " <script>alert(1)</script>\n"
	                    "    fix: move Inner to module level\n") != NULL);
	CHECK(strstr(plain, "pkg/bad" FFFD ".py: not-utf8: byte 0xff \\x1b[2J\n") != NULL);
	CHECK(strstr(plain, "pkg/broken.py:3: syntax-error: unexpected indent\n") != NULL);
	CHECK(only_sgr_escapes(color));
	CHECK(strstr(color, "\x1b[31m" FFFD) == NULL);
	CHECK(strstr(color, "\x1b[31mblocked\x1b[0m") != NULL);
	CHECK(strstr(color, "\x1b[32mready\x1b[0m") != NULL);
	free(plain);
	free(color);
}

static size_t code_points(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

/* A path of 81 code points is cut to "…" + its last 59 in a 60-wide column. */
static void test_text_long_path(void)
{
	scout_scan scan = {.root = scout_strdup("."), .source = scout_strdup("files")};
	scout_buf path = {0};
	scout_module m = {.module = scout_strdup("pkg.long")};
	char *out, *row;

	scout_buf_puts(&path, "pkg/");
	for (int i = 0; i < 70; i++)
		scout_buf_puts(&path, "\xC3\xA9");
	scout_buf_puts(&path, "/mod.py");
	m.path = scout_buf_detach(&path);
	finish_module(&m, 0.8);
	SCOUT_PUSH(scan.modules, scan.nmodules, scan.modules_cap, m);
	out = util_render("text", &scan, false);
	row = strstr(out, "\n\xE2\x80\xA6");
	CHECK(row != NULL);
	if (row) {
		row++;
		CHECK_INT(code_points(row, (size_t)(strstr(row, "  ") - row)), 60);
		CHECK(scout_str_startswith(row, "\xE2\x80\xA6\xC3\xA9"));
		CHECK(strstr(row, "/mod.py  ") != NULL);
	}
	free(out);
	scout_scan_free(&scan);
}

/* No modules, no diagnostics, NULL strings: both reporters still write a
 * complete report. */
static void test_empty_scan(void)
{
	scout_scan scan = {0};
	char *json = util_render("json", &scan, false), *text = util_render("text", &scan, false);
	cJSON *doc = cJSON_Parse(json);

	CHECK(doc != NULL);
	CHECK_STR(json_str(doc, "root"), "");
	CHECK_INT(cJSON_GetArraySize(json_get(doc, "modules")), 0);
	CHECK_INT(cJSON_GetArraySize(json_get(json_get(doc, "plan"), "blocked")), 0);
	CHECK(json_num(json_get(doc, "summary"), "annotation_coverage") == 1.0);
	CHECK(strstr(text, "no Python modules found\n") != NULL);
	cJSON_Delete(doc);
	free(json);
	free(text);
}

static void test_registry(void)
{
	CHECK(scout_reporter_find("text") == &scout_reporter_text);
	CHECK(scout_reporter_find("json") == &scout_reporter_json);
	CHECK(scout_reporter_find("xml") == NULL);
	CHECK(scout_reporter_find(NULL) == NULL);
	CHECK_STR(scout_reporter_names(), "text, json, json-lines, sarif, github, gitlab, junit");
}

int main(void)
{
	scout_scan scan;

	build_scan(&scan);
	test_json(&scan);
	test_text(&scan);
	test_text_long_path();
	test_empty_scan();
	test_registry();
	scout_scan_free(&scan);
	return check_report("test_reporters");
}
