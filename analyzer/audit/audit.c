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
#include "audit_build.h"
#include "scout/toml.h"

/* A module with this many findings of the dynamic rules is dynamic by design:
 * compiling it gains little and changes much. */
#define DYNAMIC_MIN 3

static const char *const dynamic_rules[] = {"dynamic-features", "frame-introspection",
                                            "native-instance-no-dict"};

const char *scout_skip_reason_name(scout_skip_reason r)
{
	switch (r) {
	case SCOUT_SKIP_DYNAMIC:
		return "dynamic by design";
	case SCOUT_SKIP_BLOCKED:
		return "blocked and cold";
	case SCOUT_SKIP_UNKNOWN:
		return "not parsed (verdict unknown)";
	case SCOUT_SKIP_IDLE:
		return "not worth compiling";
	case SCOUT_SKIP_COLD:
	default:
		return "cold";
	}
}

const char *scout_audit_skip_text(const scout_audit_module *am)
{
	return am->skip == SCOUT_SKIP_IDLE ? scout_plan_why_text((scout_plan_why)am->idle_why)
	                                   : scout_skip_reason_name(am->skip);
}

/* Hot enough to plan: at least half the average share of the non-test
 * modules (hotness sums to 1 over them). */
static double hot_floor(const scout_scan *scan)
{
	size_t n = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		n += scan->modules[i].shipped;
	return n ? 0.5 / (double)n : 0.0;
}

static bool is_dynamic(const scout_module *m)
{
	size_t n = 0;

	for (size_t i = 0; i < m->nfindings; i++)
		for (size_t k = 0; k < sizeof(dynamic_rules) / sizeof(*dynamic_rules); k++)
			n += strcmp(m->findings[i].rule, dynamic_rules[k]) == 0;
	return n >= DYNAMIC_MIN;
}

/* Distinct rules of m's findings that stand in the way of compiling it:
 * blockers first, then non-native classes and changed behaviour; most
 * frequent first within a category. */
static int compare_fix(const void *pa, const void *pb)
{
	const scout_audit_fix *a = pa, *b = pb;

	if (a->category != b->category)
		return a->category < b->category ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

static void collect_fixes(scout_audit_module *am, const scout_module *m)
{
	for (size_t i = 0; i < m->nfindings; i++) {
		const scout_finding *f = &m->findings[i];
		size_t k = 0;

		if (f->category == SCOUT_SLOW || !scout_finding_holds(f))
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

static void build_phases(scout_audit *a, const scout_scan *scan)
{
	bool *in_phase1 = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*in_phase1));
	double floor = hot_floor(scan);

	for (size_t i = 0; i < scan->plan.ncompile; i++) {
		scout_audit_module am = {.module = scan->plan.compile[i].module};

		if (!scan->plan.compile[i].first_phase)
			continue;
		in_phase1[am.module] = true;
		SCOUT_PUSH(a->phase1, a->nphase1, a->phase1_cap, am);
	}
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];
		scout_audit_module am = {.module = i};
		bool hot = m->hotness > 0.0 && m->hotness >= floor, dynamic;

		if (in_phase1[i] || !m->shipped)
			continue;
		dynamic = is_dynamic(m);
		/* not worth compiling; an untyped module is, once annotated (phase 2) */
		if (scan->plan.places && scan->plan.places[i].list == SCOUT_LIST_IDLE &&
		    scan->plan.places[i].why != SCOUT_WHY_UNTYPED) {
			am.skip = SCOUT_SKIP_IDLE;
			am.idle_why = scan->plan.places[i].why;
			SCOUT_PUSH(a->skip, a->nskip, a->skip_cap, am);
			continue;
		}
		if (hot && !dynamic && m->verdict != SCOUT_UNKNOWN) {
			collect_fixes(&am, m);
			a->phase2_covered += m->hotness;
			SCOUT_PUSH(a->phase2, a->nphase2, a->phase2_cap, am);
			continue;
		}
		am.skip = dynamic                       ? SCOUT_SKIP_DYNAMIC
		          : m->verdict == SCOUT_UNKNOWN ? SCOUT_SKIP_UNKNOWN
		          : m->verdict == SCOUT_BLOCKED ? SCOUT_SKIP_BLOCKED
		                                        : SCOUT_SKIP_COLD;
		SCOUT_PUSH(a->skip, a->nskip, a->skip_cap, am);
	}
	sort_hot(scan, a->phase2, a->nphase2);
	sort_hot(scan, a->skip, a->nskip);
	free(in_phase1);
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
	build_phases(out, scan);
	scout_audit_build_rules(out, scan);
	build_annotations(out, scan);
	scout_audit_packaging(out, scan, project_dir);
	scout_audit_build_risks(out, scan);
	out->project_name = project_name(scan, project_dir);
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
	free_modules(a->phase1, a->nphase1);
	free_modules(a->phase2, a->nphase2);
	free_modules(a->skip, a->nskip);
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
	memset(a, 0, sizeof(*a));
}
