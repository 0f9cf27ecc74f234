/* reporters/audit/markdown*.c on models built by hand: a huge model stays
 * under GitHub's size limit with the summary, plan and checklist whole and
 * truncation lines that count what they leave out; hostile names cannot break
 * out of text, code spans or table rows; two renders are byte-identical. */
#include "audit/markdown.h"
#include "check.h"
#include "util.h"

#include <stdlib.h>

#define MORE "\xE2\x80\xA6 and "

/* ---- building a model -------------------------------------------------------- */

static scout_audit_loc loc(size_t module, uint32_t line, const char *label)
{
	return (scout_audit_loc){.module = module, .line = line, .label = label};
}

static void add_check(scout_audit *a, const char *id, const char *title, const char *found,
                      const char *ref_text)
{
	scout_audit_check k = {.id = id, .title = title, .status = SCOUT_CHECK_TODO};
	scout_audit_ref r = {
	    .path = scout_strdup("pyproject.toml"), .line = 3, .text = scout_strdup(ref_text)};

	k.found = scout_strdup(found);
	k.advice = scout_strdup("Replace it with `hatchling` and the hatch-mypyc hook.");
	k.snippet = scout_strdup("[build-system]\nrequires = [\"hatchling\", \"hatch-mypyc\"]\n");
	k.snippet_lang = "toml";
	k.snippet_file = "pyproject.toml";
	SCOUT_PUSH(k.refs, k.nrefs, k.refs_cap, r);
	SCOUT_PUSH(a->checks, a->nchecks, a->checks_cap, k);
}

static scout_audit_module plan_entry(size_t module, bool with_fixes)
{
	scout_audit_module m = {.module = module, .why = SCOUT_WHY_COLD};
	scout_audit_fix f = {.rule = "nested-class", .category = SCOUT_BLOCKER, .count = 2};

	if (with_fixes)
		SCOUT_PUSH(m.fixes, m.nfixes, m.fixes_cap, f);
	return m;
}

/* Phases take modules 0.. in order (modulo nmodules): n1 in phase 1, n2 in
 * phase 2, nskip. */
static void add_plan(scout_audit *a, size_t n1, size_t n2, size_t nskip, size_t nmodules)
{
	size_t m = 0;

	a->snippet_setuptools = a->snippet_hatch = true; /* both paste-ready snippets */
	for (size_t i = 0; i < n1; i++, m++)
		SCOUT_PUSH(a->phase1, a->nphase1, a->phase1_cap, plan_entry(m % nmodules, false));
	for (size_t i = 0; i < n2; i++, m++)
		SCOUT_PUSH(a->phase2, a->nphase2, a->phase2_cap, plan_entry(m % nmodules, true));
	for (size_t i = 0; i < nskip; i++, m++)
		SCOUT_PUSH(a->skip, a->nskip, a->skip_cap, plan_entry(m % nmodules, false));
}

static void free_audit(scout_audit *a)
{
	scout_audit_module *lists[] = {a->phase1, a->phase2, a->skip};
	size_t counts[] = {a->nphase1, a->nphase2, a->nskip};

	for (size_t l = 0; l < 3; l++) {
		for (size_t i = 0; i < counts[l]; i++)
			free(lists[l][i].fixes);
		free(lists[l]);
	}
	for (size_t i = 0; i < a->nrules; i++)
		free(a->rules[i].locs);
	for (size_t i = 0; i < a->nrisks; i++)
		free(a->risks[i].locs);
	for (size_t i = 0; i < a->nchecks; i++) {
		scout_audit_check *k = &a->checks[i];

		for (size_t j = 0; j < k->nrefs; j++) {
			free(k->refs[j].path);
			free(k->refs[j].text);
		}
		free(k->refs);
		free(k->found);
		free(k->advice);
		free(k->snippet);
	}
	free(a->rules);
	free(a->risks);
	free(a->checks);
	free(a->annots);
	free(a->verdict);
	free(a->project_name);
	free(a->generated_at);
}

/* The rendered document (owned by caller, free with free()). */
static char *render(const scout_scan *scan, const scout_audit *a)
{
	return util_audit_doc(scout_audit_write_markdown, scan, a);
}

/* ---- reading the document ----------------------------------------------------- */

/* The text between `heading` and the next line starting with the same
 * number of '#' and a space (owned by caller), or NULL. */
static char *section(const char *doc, const char *heading)
{
	const char *start = strstr(doc, heading), *end;
	size_t level = strspn(heading, "#");
	char marker[8] = "\n";

	if (!start)
		return NULL;
	memset(marker + 1, '#', level);
	marker[level + 1] = ' ';
	end = strstr(start + strlen(heading), marker);
	return scout_strndup(start, end ? (size_t)(end - start) : strlen(start));
}

/* The N of the first "… and N more" in s, or -1. */
static long more_count(const char *s)
{
	const char *p = strstr(s, MORE);

	return p ? strtol(p + strlen(MORE), NULL, 10) : -1;
}

/* Whether line[i] follows an odd run of backslashes (an escaped character
 * for the inline parser). */
static bool escaped_at(const char *line, size_t i)
{
	size_t slashes = 0;

	while (i > slashes && line[i - slashes - 1] == '\\')
		slashes++;
	return slashes % 2 == 1;
}

/* Cells of a table row as GitHub splits it: cmark-gfm's
 * `table_cell = (escaped_char|[^|\r\n])+` takes the longest match, so a `|`
 * right after a backslash never ends a cell. */
static size_t cells(const char *line, size_t len)
{
	size_t pipes = 0;

	for (size_t i = 0; i < len; i++)
		pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
	return pipes - 1; /* rows start and end with a pipe */
}

/* Every row of every table has as many cells as its header. */
static void check_tables(const char *doc)
{
	size_t header = 0;

	for (const char *line = doc; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (len && line[0] == '|') {
			if (header == 0)
				header = cells(line, len);
			else if (cells(line, len) != header)
				fprintf(stderr, "row: %.*s\n", (int)len, line);
			CHECK_INT(cells(line, len), header);
		} else {
			header = 0;
		}
		line += len + (nl != NULL);
	}
}

/* Whether line[i] starts one of our own tags or an autolink. */
static bool our_tag(const char *p)
{
	static const char *const ours[] = {"<details>", "</details>", "<summary>", "</summary>",
	                                   "<https://"};

	for (size_t i = 0; i < sizeof(ours) / sizeof(ours[0]); i++)
		if (strncmp(p, ours[i], strlen(ours[i])) == 0)
			return true;
	return false;
}

/* Outside fenced code and code spans, every `<` and `[` is ours or escaped,
 * so no scanned string opens an HTML tag or a link. Returns the offenders. */
static size_t unescaped_markup(const char *doc)
{
	size_t bad = 0;
	bool fenced = false;

	for (const char *line = doc; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (len >= 3 && strncmp(line, "```", 3) == 0) {
			fenced = !fenced; /* our fences are the only lines starting so */
		} else if (!fenced) {
			for (size_t i = 0; i < len; i++) {
				if (line[i] == '`' && !escaped_at(line, i)) {
					size_t run = strspn(line + i, "`"), j = i + run;

					while (j < len &&
					       !(line[j] == '`' && strspn(line + j, "`") == run))
						j += line[j] == '`' ? strspn(line + j, "`") : 1;
					i = j + run - 1;
					continue;
				}
				if ((line[i] == '<' || line[i] == '[') && !escaped_at(line, i) &&
				    !our_tag(line + i)) {
					fprintf(stderr, "markup: %.*s\n", (int)len, line);
					bad++;
				}
			}
		}
		line += len + (nl != NULL);
	}
	return bad;
}

/* ---- the cases ------------------------------------------------------------------ */

static const char *const headings[] = {
    "## 1. Summary",         "## 2. The plan in phases",  "## 3. Findings by rule",
    "## 4. Annotation work", "## 5. Packaging checklist", "## 6. Compatibility risks",
    "## 7. Charts",
};

static const char *const check_titles[] = {"Build backend",
                                           "cibuildwheel",
                                           "Fallback wheel",
                                           "requires-python",
                                           "Testing the compiled build",
                                           "Tests that know about mypyc"};

/* A project of `nmodules` modules with long paths, `nrules` rules of `per_rule`
 * findings each, a plan of n1/n2/nskip modules, every module in the
 * annotation table, and the six checklist items. */
static void build_huge(scout_scan *s, scout_audit *a, size_t nmodules, size_t nrules,
                       size_t per_rule, size_t n1, size_t n2, size_t nskip)
{
	static const char *const rules[] = {"nested-class", "eval-exec", "dynamic-attribute",
	                                    "conditional-def", "frame-introspection"};
	char path[700];

	memset(s, 0, sizeof(*s));
	memset(a, 0, sizeof(*a));
	s->hotness_source = scout_strdup("static");
	for (size_t i = 0; i < nmodules; i++) {
		snprintf(path, sizeof(path), "pkg/%0600zu/mod_%04zu.py", i, i);
		util_add_module(s, path, 1.0 / (double)(i + 2), (scout_verdict)(i % 4));
	}
	s->plan.built = true;
	s->plan.covered = 0.4321;
	for (size_t r = 0; r < nrules; r++) {
		scout_audit_rule rule = {
		    .rule = rules[r % 5], .category = SCOUT_BLOCKER, .nmodules = nmodules};

		for (size_t j = 0; j < per_rule; j++)
			SCOUT_PUSH(rule.locs, rule.nlocs, rule.locs_cap,
			           loc(j % nmodules, (uint32_t)(j + 1), "a long message about it"));
		SCOUT_PUSH(a->rules, a->nrules, a->rules_cap, rule);
	}
	for (size_t i = 0; i < nmodules; i++) {
		scout_audit_annot n = {.module = i, .untyped_defs = 3, .missing_slots = 7};

		SCOUT_PUSH(a->annots, a->nannots, a->annots_cap, n);
		a->missing_slots += 7;
	}
	add_plan(a, n1, n2, nskip, nmodules);
	for (size_t i = 0; i < 6; i++)
		add_check(a, "id", check_titles[i], "`flit_core.buildapi` cannot build extensions.",
		          "build-backend = \"flit_core.buildapi\"");
	a->verdict = scout_strdup("Worth it: the hot core is ready.");
	a->project_name = scout_strdup("huge");
	a->coverage_bins[3] = nmodules;
}

/* Thousands of findings over hundreds of long-named modules, a modest plan. */
static void test_huge_stays_under_the_limit(void)
{
	scout_scan s;
	scout_audit a;
	char *doc, *again, *rule0, *annots, *plan, *checks;

	build_huge(&s, &a, 300, 40, 150, 8, 12, 20);
	doc = render(&s, &a);
	again = render(&s, &a);
	CHECK(strlen(doc) < SCOUT_AUDIT_MARKDOWN_MAX);
	CHECK(strlen(doc) > SCOUT_AUDIT_MARKDOWN_MAX / 2); /* cut, not emptied */
	CHECK_STR(doc, again);
	for (size_t i = 0; i < sizeof(headings) / sizeof(headings[0]); i++)
		CHECK(strstr(doc, headings[i]) != NULL);
	/* the plan is whole: every phase module, no truncation line */
	plan = section(doc, "## 2. The plan in phases");
	CHECK(plan && more_count(plan) == -1);
	for (size_t i = 0; plan && i < 8 + 12 + 20; i++)
		CHECK(strstr(plan, s.modules[i].path) != NULL);
	CHECK(plan && util_count(plan, "mod_0003.py\",") == 2); /* in both snippets */
	/* the checklist is whole */
	checks = section(doc, "## 5. Packaging checklist");
	for (size_t i = 0; checks && i < 6; i++)
		CHECK(strstr(checks, check_titles[i]) != NULL);
	CHECK(checks && util_count(checks, "```toml") == 6 && more_count(checks) == -1);
	/* a rule's locations are cut, and the line counts what is left out */
	rule0 = section(doc, "### `nested-class`");
	CHECK(rule0 && strstr(rule0, "<details><summary>150 locations</summary>"));
	CHECK(rule0 && util_count(rule0, "\n- `") + (size_t)more_count(rule0) == 150);
	CHECK(rule0 && util_count(rule0, "\n- `") < 150);
	/* so are the annotation table's rows */
	annots = section(doc, "## 4. Annotation work");
	CHECK(annots && util_count(annots, "\n| `") + (size_t)more_count(annots) == 300);
	CHECK(annots && strstr(annots, "**2100 slots to annotate** in 300 modules"));
	check_tables(doc);
	free(rule0);
	free(annots);
	free(plan);
	free(checks);
	free(doc);
	free(again);
	free_audit(&a);
	scout_scan_free(&s);
}

/* Everything huge, the plan included: still under the limit, every heading,
 * the plan cut with a count. */
static void test_huge_plan_is_cut_last(void)
{
	scout_scan s;
	scout_audit a;
	char *doc, *plan;

	build_huge(&s, &a, 600, 60, 120, 200, 200, 200);
	doc = render(&s, &a);
	CHECK(strlen(doc) < SCOUT_AUDIT_MARKDOWN_MAX);
	for (size_t i = 0; i < sizeof(headings) / sizeof(headings[0]); i++)
		CHECK(strstr(doc, headings[i]) != NULL);
	CHECK(strstr(doc, "Generated by mypyc-scout " SCOUT_VERSION ".") != NULL);
	plan = section(doc, "### Phase 1");
	CHECK(plan && util_count(plan, "\n| `") + (size_t)more_count(plan) == 200);
	check_tables(doc);
	free(plan);
	free(doc);
	free_audit(&a);
	scout_scan_free(&s);
}

static const char *const hostile[] = {
    "<script>alert(1)</script>.py",      "a|b`|`c|.py",    "x*y*_z_ ~~w~~ #1 &amp; !.py",
    "[x](javascript:alert(1)).py",       "new\nline\r.py", "tick`s ``` and \\| .py",
    "<img src=x onerror=alert(1)>\\.py",
};
#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]))

/* Hostile names, messages, project name and checklist text. */
static void build_hostile(scout_scan *s, scout_audit *a)
{
	scout_audit_rule rule = {.rule = "nested-class", .category = SCOUT_BLOCKER};
	scout_audit_risk risk = {.id = "public-class",
	                         .title = "Public <b>class</b>",
	                         .why = "Users may subclass it.",
	                         .breaking = true};

	memset(s, 0, sizeof(*s));
	memset(a, 0, sizeof(*a));
	for (size_t i = 0; i < NHOSTILE; i++)
		util_add_module(s, hostile[i], 0.1, SCOUT_READY);
	s->plan.built = true;
	for (size_t i = 0; i < NHOSTILE; i++) {
		SCOUT_PUSH(rule.locs, rule.nlocs, rule.locs_cap, loc(i, 3, hostile[i]));
		SCOUT_PUSH(risk.locs, risk.nlocs, risk.locs_cap, loc(i, 0, hostile[i]));
		SCOUT_PUSH(a->annots, a->nannots, a->annots_cap,
		           ((scout_audit_annot){.module = i, .missing_slots = 1}));
	}
	rule.nmodules = NHOSTILE;
	SCOUT_PUSH(a->rules, a->nrules, a->rules_cap, rule);
	SCOUT_PUSH(a->risks, a->nrisks, a->risks_cap, risk);
	a->major_version = true;
	add_plan(a, NHOSTILE, 3, 4, NHOSTILE);
	add_check(a, "build-backend", "Build <i>backend</i>", "<img src=x onerror=alert(1)> | x",
	          "a | b ``` <script>");
	a->verdict = scout_strdup("</details><script>alert(2)</script>");
	a->project_name = scout_strdup("[evil](javascript:alert(3)) <script>");
	a->generated_at = scout_strdup("2024-01-02T03:04:05Z");
}

static void test_hostile_names_are_text(void)
{
	scout_scan s;
	scout_audit a;
	char *doc;

	build_hostile(&s, &a);
	doc = render(&s, &a);
	CHECK_INT(unescaped_markup(doc), 0);
	check_tables(doc);
	CHECK(strstr(doc, "new line .py") != NULL); /* CR and LF as spaces */
	CHECK(strstr(doc, "new\nline") == NULL);
	/* our own tags are balanced: nothing closed a <details> early */
	CHECK_INT(util_count(doc, "<details>"), util_count(doc, "</details>"));
	CHECK_INT(util_count(doc, "</details>"), 2);
	/* the Python and TOML snippets quote the paths */
	CHECK(strstr(doc, "\"a|b`|`c|.py\",") != NULL);
	CHECK(strstr(doc, "\"new\\x0aline\\x0d.py\",") != NULL);
	CHECK(strstr(doc, "\"new\\u000Aline\\u000D.py\",") != NULL);
	CHECK(strstr(doc, "\"tick`s ``` and \\\\| .py\",") != NULL);
	CHECK(strstr(doc, "\n````python\n") != NULL); /* longer than the ``` inside */
	CHECK(strstr(doc, "Generated at 2024-01-02T03:04:05Z.") != NULL);
	free(doc);
	free(a.generated_at);
	a.generated_at = NULL;
	doc = render(&s, &a);
	CHECK(strstr(doc, "Generated at") == NULL);
	free(doc);
	free_audit(&a);
	scout_scan_free(&s);
}

/* The escaping helpers alone, on the cases that matter. */
static void test_helpers(void)
{
	scout_buf b = {0};

	scout_escape_markdown_code(&b, "a|b", true);
	CHECK_STR(b.data, "`a\\|b`");
	b.len = 0;
	scout_escape_markdown_code(&b, "a\\|b", true); /* the table takes one backslash away */
	CHECK_STR(b.data, "`a\\\\|b`");
	b.len = 0;
	scout_escape_markdown_code(&b, "`x``", false);
	CHECK_STR(b.data, "``` `x`` ```");
	b.len = 0;
	scout_escape_markdown_cell(&b, "p `q|r` s|t");
	CHECK_STR(b.data, "p `q\\|r` s\\\\|t");
	b.len = 0;
	scout_escape_markdown_fence(&b, "toml", "x = \"````\"");
	CHECK_STR(b.data, "`````toml\nx = \"````\"\n`````\n");
	b.len = 0;
	scout_escape_markdown_text(
	    &b, "go through @contextmanager, @mypy_extensions.trait. a@b `@c` @ d\\@e");
	CHECK_STR(b.data,
	          "go through `@contextmanager`, `@mypy_extensions.trait`. a@b `@c` @ d\\\\`@e`");
	b.len = 0;
	scout_escape_markdown_cell(&b, "@x|y");
	CHECK_STR(b.data, "`@x`\\\\|y");
	b.len = 0;
	scout_md_more(&b, 7, true);
	CHECK_STR(b.data, "- " MORE "7 more (see the HTML audit or `mypyc-scout scan`)\n");
	scout_buf_free(&b);
}

/* An empty audit renders every section with its "nothing here" line. */
static void test_empty(void)
{
	scout_scan s = {0};
	scout_audit a = {0};
	char *doc = render(&s, &a);

	for (size_t i = 0; i < sizeof(headings) / sizeof(headings[0]); i++)
		CHECK(strstr(doc, headings[i]) != NULL);
	CHECK(strstr(doc, "Nothing is ready to compile yet.") != NULL);
	CHECK(strstr(doc, "Nothing: no build file") != NULL); /* nothing compiled today */
	CHECK(strstr(doc, "mypycify([") == NULL);             /* no snippet */
	free(doc);
}

int main(void)
{
	test_helpers();
	test_empty();
	test_hostile_names_are_text();
	test_huge_stays_under_the_limit();
	test_huge_plan_is_cut_last();
	return check_report("test_audit_markdown");
}
