/* The audit model: phases, annotation work, chart data and the summary
 * paragraph, all read off a finished scan. Findings by rule and the
 * compatibility risks are in audit_findings.c; the packaging checklist in
 * audit_facts.c. */
#include "scout/audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scout/plan.h"
#include "scout/scope.h"
#include "audit_build.h"
#include "scout/toml.h"

const char *scout_audit_skip_text(const scout_audit_module *am)
{
	return scout_plan_why_text((scout_plan_why)am->why);
}

int scout_audit_severity_rank(scout_category c)
{
	switch (c) {
	case SCOUT_BLOCKER:
		return 0;
	case SCOUT_BEHAVIOUR:
		return 1;
	case SCOUT_NON_NATIVE:
		return 2;
	default:
		return 3;
	}
}

/* Distinct rules of a module's findings that stand in its way: by
 * severity, then most frequent first. */
static int compare_fix(const void *pa, const void *pb)
{
	const scout_audit_fix *a = pa, *b = pb;
	int ra = scout_audit_severity_rank(a->category);
	int rb = scout_audit_severity_rank(b->category);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

/* The findings that hold and are not about speed alone; `blockers`: only
 * blockers (a blocked module's fixes), else all but blockers. */
static void collect_fixes(scout_audit_module *am, const scout_module *m, bool blockers)
{
	for (size_t i = 0; i < m->nfindings; i++) {
		const scout_finding *f = &m->findings[i];
		size_t k = 0;

		if (f->category >= SCOUT_SLOW || !scout_finding_holds(f) ||
		    (f->category == SCOUT_BLOCKER) != blockers)
			continue;
		while (k < am->nfixes && strcmp(am->fixes[k].rule, f->rule) != 0)
			k++;
		if (k == am->nfixes) {
			scout_audit_fix fix = {f->rule, f->category, 0};

			SCOUT_PUSH(am->fixes, am->nfixes, am->fixes_cap, fix);
		}
		am->fixes[k].count++;
	}
	if (am->nfixes > 1)
		qsort(am->fixes, am->nfixes, sizeof(*am->fixes), compare_fix);
}

static const scout_scan *sort_scan;

/* Hottest first, then path. */
static int compare_hot_module(const void *pa, const void *pb)
{
	const scout_module *a = &sort_scan->modules[((const scout_audit_module *)pa)->module];
	const scout_module *b = &sort_scan->modules[((const scout_audit_module *)pb)->module];

	if (a->hotness != b->hotness)
		return a->hotness > b->hotness ? -1 : 1;
	return strcmp(a->path, b->path);
}

static void sort_hot(const scout_scan *scan, scout_audit_module *v, size_t n)
{
	sort_scan = scan;
	if (n > 1)
		qsort(v, n, sizeof(*v), compare_hot_module);
	sort_scan = NULL;
}

static scout_audit_module entry(const scout_scan *scan, size_t module)
{
	return (scout_audit_module){.module = module, .why = scan->plan.places[module].why};
}

static void build_plan(scout_audit *a, const scout_scan *scan)
{
	for (size_t i = 0; i < scan->plan.ncompile; i++) {
		const scout_plan_item *it = &scan->plan.compile[i];
		scout_audit_module am = entry(scan, it->module);

		if (it->first_phase) {
			SCOUT_PUSH(a->phase1, a->nphase1, a->phase1_cap, am);
			continue;
		}
		collect_fixes(&am, &scan->modules[it->module], false);
		a->phase2_covered += scan->modules[it->module].hotness;
		SCOUT_PUSH(a->phase2, a->nphase2, a->phase2_cap, am);
	}
}

/* The plan's lists as they are: the plan in its order (first phase, then
 * the rest), the blocked modules in the plan's order, those not worth
 * compiling hottest first; what the build leaves out on purpose and what is
 * compiled today in path order. */
static void build_phases(scout_audit *a, const scout_scan *scan)
{
	if (!scan->plan.built || !scan->plan.places)
		return;
	build_plan(a, scan);
	for (size_t i = 0; i < scan->plan.nblocked; i++) {
		scout_audit_module am = entry(scan, scan->plan.blocked[i]);

		if (am.why == SCOUT_WHY_BLOCKERS || am.why == SCOUT_WHY_UNREAD)
			a->unlocks += scan->plan.places[am.module].unlocks;
		collect_fixes(&am, &scan->modules[am.module], true);
		SCOUT_PUSH(a->blocked, a->nblocked, a->blocked_cap, am);
	}
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_audit_module am = entry(scan, i);

		if (scan->modules[i].compiled_now) {
			scout_audit_module cur = entry(scan, i);

			SCOUT_PUSH(a->current, a->ncurrent, a->current_cap, cur);
		}
		if (am.why == SCOUT_WHY_EXCLUDED)
			SCOUT_PUSH(a->excluded, a->nexcluded, a->excluded_cap, am);
		else if (scan->plan.places[i].list == SCOUT_LIST_IDLE)
			SCOUT_PUSH(a->skip, a->nskip, a->skip_cap, am);
	}
	sort_hot(scan, a->skip, a->nskip);
}

/* The snippets for the build that compiles today, else for the backend. */
static void pick_snippets(scout_audit *a, const scout_scan *scan)
{
	const char *src = scan->compile_source;

	if (src && (strstr(src, "mypycify") || strstr(src, "setup.py"))) {
		a->snippet_setuptools = true;
		a->snippet_hatch = src && strstr(src, "hatch");
		return;
	}
	if (src && strstr(src, "hatch")) {
		a->snippet_hatch = true;
		return;
	}
	a->snippet_setuptools = scan->backend != SCOUT_BACKEND_HATCH;
	a->snippet_hatch = scan->backend != SCOUT_BACKEND_SETUPTOOLS;
}

/* Totals over the shipped modules: the one population the audit counts. */
static void summarise_shipped(scout_audit *a, const scout_scan *scan)
{
	scout_summary *t = &a->totals;

	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		if (!m->shipped) {
			a->not_shipped++;
			continue;
		}
		scout_summary_add(t, m);
	}
}

static int compare_annot(const void *pa, const void *pb)
{
	const scout_audit_annot *x = pa, *y = pb;
	const scout_module *a = &sort_scan->modules[x->module];
	const scout_module *b = &sort_scan->modules[y->module];

	if (a->hotness != b->hotness)
		return a->hotness > b->hotness ? -1 : 1;
	return strcmp(a->path, b->path);
}

static void build_annotations(scout_audit *a, const scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];
		const scout_annotations *n = &m->ann;
		scout_audit_annot row = {i, n->defs - n->typed_defs,
		                         n->typed_defs - n->fully_typed_defs,
		                         n->slots - n->annotated_slots};
		double c = scout_annotations_coverage(n);
		int bin = (int)(c * SCOUT_AUDIT_BINS);

		if (!m->shipped)
			continue;
		a->coverage_bins[bin < 0                   ? 0
		                 : bin >= SCOUT_AUDIT_BINS ? SCOUT_AUDIT_BINS - 1
		                                           : bin]++;
		if (row.missing_slots == 0)
			continue;
		a->missing_slots += row.missing_slots;
		SCOUT_PUSH(a->annots, a->nannots, a->annots_cap, row);
	}
	sort_scan = scan;
	if (a->nannots > 1)
		qsort(a->annots, a->nannots, sizeof(*a->annots), compare_annot);
	sort_scan = NULL;
}

/* The last component of a path ("a/b/" -> "b"), or NULL for "", "." or "/". */
static char *last_component(const char *path)
{
	size_t n = strlen(path), start;

	while (n > 0 && path[n - 1] == '/')
		n--;
	start = n;
	while (start > 0 && path[start - 1] != '/')
		start--;
	if (n == start || (n - start == 1 && path[start] == '.'))
		return NULL;
	return scout_strndup(path + start, n - start);
}

/* [project] name (or Poetry's), else the scanned directory's name. */
static char *project_name(const scout_scan *scan, const char *project_dir)
{
	char *path = scout_asprintf("%s/pyproject.toml", project_dir);
	char *name = NULL, *real;
	scout_toml t;

	if (scout_toml_load(&t, path) == 0) {
		const scout_toml_value *v = scout_toml_get(&t, "project.name");

		if (!v)
			v = scout_toml_get(&t, "tool.poetry.name");
		if (v && v->type == SCOUT_TOML_STRING && v->text[0])
			name = scout_strdup(v->text);
		scout_toml_free(&t);
	}
	free(path);
	if (!name && scan->root)
		name = last_component(scan->root);
	if (!name && (real = realpath(project_dir, NULL))) {
		name = last_component(real);
		free(real);
	}
	return name ? name : scout_strdup("this project");
}

/* SOURCE_DATE_EPOCH when it is a decimal number of seconds, else the
 * current time (with a note when it is set but malformed: "abc" is not 1970). */
static time_t source_date_epoch(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (!epoch || !epoch[0])
		return time(NULL);
	errno = 0;
	v = strtoll(epoch, &end, 10);
	if (*end || errno || v < 0 || epoch[0] < '0' || epoch[0] > '9') {
		fprintf(stderr, "mypyc-scout: note: SOURCE_DATE_EPOCH is not a number of seconds; "
		                "the audit is dated now\n");
		return time(NULL);
	}
	return (time_t)v;
}

/* UTC, to the second; SOURCE_DATE_EPOCH wins for reproducible builds. */
static char *timestamp_now(void)
{
	time_t now = source_date_epoch();
	struct tm tm;
	char text[32];

	if (!gmtime_r(&now, &tm) || !strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return scout_strdup("unknown time");
	return scout_strdup(text);
}

void scout_audit_build(scout_audit *out, const scout_scan *scan, const char *project_dir,
                       bool timestamp)
{
	memset(out, 0, sizeof(*out));
	summarise_shipped(out, scan);
	build_phases(out, scan);
	pick_snippets(out, scan);
	scout_audit_build_rules(out, scan);
	build_annotations(out, scan);
	out->project_name = project_name(scan, project_dir);
	scout_audit_packaging(out, scan, project_dir);
	scout_audit_build_risks(out, scan);
	out->generated_at = timestamp ? timestamp_now() : NULL;
	out->verdict = scout_audit_verdict_text(out, scan);
}

static void free_modules(scout_audit_module *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].fixes);
	free(v);
}

static void free_checks(scout_audit *a)
{
	for (size_t i = 0; i < a->nchecks; i++) {
		scout_audit_check *c = &a->checks[i];

		free(c->found);
		free(c->advice);
		free(c->snippet);
		for (size_t j = 0; j < c->nrefs; j++) {
			free(c->refs[j].path);
			free(c->refs[j].text);
		}
		free(c->refs);
	}
	free(a->checks);
}

void scout_audit_free(scout_audit *a)
{
	free(a->verdict);
	free(a->snippet_switch);
	free(a->snippet_switch_on);
	free_modules(a->phase1, a->nphase1);
	free_modules(a->phase2, a->nphase2);
	free_modules(a->blocked, a->nblocked);
	free_modules(a->skip, a->nskip);
	free_modules(a->excluded, a->nexcluded);
	free_modules(a->current, a->ncurrent);
	for (size_t i = 0; i < a->nrules; i++)
		free(a->rules[i].locs);
	free(a->rules);
	free(a->annots);
	free_checks(a);
	free(a->build_backend);
	for (size_t i = 0; i < a->nrisks; i++)
		free(a->risks[i].locs);
	free(a->risks);
	free(a->project_name);
	free(a->generated_at);
	if (a->verified)
		scout_audit_verified_free(a->verified);
	free(a->verified);
	memset(a, 0, sizeof(*a));
}

void scout_audit_verified_free(scout_audit_verified *v)
{
	for (size_t i = 0; i < v->nverified; i++)
		free(v->verified[i]);
	for (size_t i = 0; i < v->nrows; i++) {
		free(v->rows[i].path);
		free(v->rows[i].outcome);
		free(v->rows[i].message);
	}
	free(v->verified);
	free(v->rows);
	free(v->version);
	free(v->date);
	free(v->status);
	free(v->set);
	free(v->stop_reason);
	free(v->test_command);
	memset(v, 0, sizeof(*v));
}
