/* Findings that assume other modules compiled in the same build: the list
 * on the finding (scout_finding_assume), which of them hold in the build the
 * verdicts assume (scout_assumed_build_apply), what verdict, score and the
 * gate-like formats count, and how each scan format words it. */
#include "util.h"

#include "scout/assumed_build.h"

#define HOSTILE "pkg/b\x1b[2J\xff.py"

static void add_module(scout_scan *s, const char *path)
{
	scout_module m = {.path = scout_strdup(path), .module = scout_strdup(path), .lines = 10};

	m.shipped = !scout_module_is_test(&m);
	SCOUT_PUSH(s->modules, s->nmodules, s->modules_cap, m);
}

static scout_module *module(scout_scan *s, const char *path)
{
	for (size_t i = 0; i < s->nmodules; i++)
		if (strcmp(s->modules[i].path, path) == 0)
			return &s->modules[i];
	return NULL;
}

/* Adds a blocker to the module at path assuming the given paths; returns it
 * (borrowed until the module's next finding). */
static scout_finding *blocker(scout_scan *s, const char *path, uint32_t line,
                              const char *const *assumes)
{
	scout_module *m = module(s, path);
	scout_finding *f;

	scout_module_add_finding(m, "nonext-inherits-ext", SCOUT_BLOCKER, line, 1, line, 5,
	                         "class C inherits from native class B", "make C native");
	f = &m->findings[m->nfindings - 1];
	for (; assumes && *assumes; assumes++)
		scout_finding_assume(f, *assumes);
	return f;
}

static void test_assume_list(void)
{
	scout_finding f = {0};

	scout_finding_assume(&f, "pkg/z.py");
	scout_finding_assume(&f, "pkg/a.py");
	scout_finding_assume(&f, "pkg/z.py");
	CHECK_INT(f.nassumes, 2);
	CHECK_STR(f.assumes[0], "pkg/a.py");
	CHECK_STR(f.assumes[1], "pkg/z.py");
	CHECK(scout_finding_holds(&f));
	scout_finding_clear(&f);
	CHECK_INT(f.nassumes, 0);
	CHECK(f.assumes == NULL);
}

/* pkg/base.py: clean; pkg/broken.py: blocked on its own; pkg/old.py: blocked
 * on its own but compiled now; tests/test_x.py: test code. Modules sorted
 * by path, as a scan keeps them. */
static void build(scout_scan *s)
{
	*s = (scout_scan){.root = scout_strdup("."), .coverage_threshold = 0.8};
	add_module(s, "pkg/base.py");
	add_module(s, "pkg/broken.py");
	add_module(s, "pkg/old.py");
	add_module(s, "pkg/plugin.py");
	add_module(s, "pkg/user.py");
	add_module(s, "tests/test_x.py");
	scout_scan_sort(s);
	blocker(s, "pkg/broken.py", 1, NULL);
	blocker(s, "pkg/old.py", 1, NULL);
	module(s, "pkg/old.py")->compiled_now = true;
	/* holds: pkg/base.py is clean, pkg/old.py compiled now */
	blocker(s, "pkg/plugin.py", 3, (const char *const[]){"pkg/base.py", "pkg/old.py", NULL});
	/* does not hold: one stays interpreted (blocked on its own, test code, or
	 * not in the project at all) */
	blocker(s, "pkg/user.py", 4, (const char *const[]){"pkg/base.py", "pkg/broken.py", NULL});
	blocker(s, "pkg/user.py", 5, (const char *const[]){"tests/test_x.py", NULL});
	blocker(s, "pkg/user.py", 6, (const char *const[]){HOSTILE, NULL});
	scout_assumed_build_apply(s);
	for (size_t i = 0; i < s->nmodules; i++)
		scout_module_finish(&s->modules[i], s->coverage_threshold);
}

static void test_verdicts(scout_scan *s)
{
	scout_module *plugin = module(s, "pkg/plugin.py"), *user = module(s, "pkg/user.py");

	CHECK(scout_finding_holds(&plugin->findings[0]));
	CHECK_INT(plugin->verdict, SCOUT_BLOCKED);
	CHECK_INT(plugin->score, 0);
	CHECK_INT(user->nfindings, 3);
	for (size_t i = 0; i < user->nfindings; i++)
		CHECK(!scout_finding_holds(&user->findings[i]));
	CHECK_INT(user->verdict, SCOUT_READY);
	CHECK_INT(user->score, 100);
	CHECK_INT(module(s, "pkg/broken.py")->verdict, SCOUT_BLOCKED);
}

static void test_json(const scout_scan *s)
{
	char *out = util_render("json", s, false);
	cJSON *doc = cJSON_Parse(out);
	const cJSON *modules = json_get(doc, "modules"), *m, *f, *a;

	CHECK(doc != NULL);
	CHECK_INT(json_num(doc, "schema_version"), 2);
	m = cJSON_GetArrayItem(modules, 3); /* pkg/plugin.py */
	CHECK_STR(json_str(m, "path"), "pkg/plugin.py");
	f = cJSON_GetArrayItem(json_get(m, "findings"), 0);
	a = json_get(f, "assumes");
	CHECK_INT(cJSON_GetArraySize(a), 2);
	CHECK_STR(cJSON_GetArrayItem(a, 0)->valuestring, "pkg/base.py");
	CHECK_STR(cJSON_GetArrayItem(a, 1)->valuestring, "pkg/old.py");
	CHECK(cJSON_IsTrue(json_get(f, "holds")));
	m = cJSON_GetArrayItem(modules, 4); /* pkg/user.py */
	CHECK_STR(json_str(m, "verdict"), "ready");
	f = cJSON_GetArrayItem(json_get(m, "findings"), 2);
	CHECK(cJSON_IsFalse(json_get(f, "holds")));
	CHECK_STR(cJSON_GetArrayItem(json_get(f, "assumes"), 0)->valuestring,
	          "pkg/b\x1b[2J\xEF\xBF\xBD.py");
	/* a finding that assumes nothing has neither key */
	f = cJSON_GetArrayItem(json_get(cJSON_GetArrayItem(modules, 1), "findings"), 0);
	CHECK(json_get(f, "assumes") == NULL && json_get(f, "holds") == NULL);
	cJSON_Delete(doc);
	free(out);
}

static void test_text_formats(const scout_scan *s)
{
	char *text = util_render("text", s, false), *github = util_render("github", s, false);
	char *junit = util_render("junit", s, false), *sarif = util_render("sarif", s, false);
	char *gitlab = util_render("gitlab", s, false);

	CHECK(strstr(text, " [if compiled with pkg/base.py and pkg/old.py]\n"));
	CHECK(strstr(text, " [if compiled with pkg/base.py and pkg/broken.py; not counted: "
	                   "one of them stays interpreted (not compiled now, and blocked on its "
	                   "own or test code)]\n"));
	CHECK(strstr(text, "if compiled with tests/test_x.py; not counted: that module stays"));
	CHECK(strchr(text, '\x1b') == NULL);          /* the hostile path is escaped */
	CHECK_INT(util_count(github, "::error"), 3);  /* broken, old, plugin */
	CHECK_INT(util_count(github, "::notice"), 3); /* user's three */
	CHECK(strstr(github, "%0Aif compiled with pkg/base.py and pkg/old.py%0Afix: "));
	CHECK_INT(util_count(junit, "<failure"), 3);
	CHECK(strstr(junit, "failures=\"3\""));
	CHECK_INT(util_count(sarif, "\"level\":\t\"note\""), 3);
	CHECK(strstr(sarif, "\"holds\":\tfalse"));
	CHECK_INT(util_count(gitlab, "\"severity\":\t\"info\""), 3);
	CHECK(strstr(gitlab, "if compiled with tests/test_x.py; not counted"));
	free(text);
	free(github);
	free(junit);
	free(sarif);
	free(gitlab);
}

int main(void)
{
	scout_scan scan;

	test_assume_list();
	build(&scan);
	test_verdicts(&scan);
	test_json(&scan);
	test_text_formats(&scan);
	scout_scan_free(&scan);
	return check_report("test_assumes");
}
