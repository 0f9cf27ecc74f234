/* The result structs: findings, verdicts, scores, sorting and totals. */
#include "scout/result.h"

#include "scout/fingerprint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *scout_category_name(scout_category c)
{
	static const char *const names[] = {"blocker", "non-native", "behaviour", "slow", "info"};

	return c < SCOUT_CATEGORY_COUNT ? names[c] : "?";
}

bool scout_category_parse(const char *name, size_t len, scout_category *out)
{
	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++) {
		const char *cn = scout_category_name((scout_category)c);

		if (strlen(cn) == len && memcmp(cn, name, len) == 0) {
			*out = (scout_category)c;
			return true;
		}
	}
	if (len == 8 && memcmp(name, "behavior", 8) == 0) { /* the US spelling */
		*out = SCOUT_BEHAVIOUR;
		return true;
	}
	return false;
}

const char *scout_verdict_name(scout_verdict v)
{
	static const char *const names[] = {"ready", "needs-annotations", "needs-changes",
	                                    "blocked", "unknown"};

	return v < SCOUT_VERDICT_COUNT ? names[v] : "?";
}

const char *scout_diag_kind_name(scout_diag_kind k)
{
	static const char *const names[] = {"syntax-error", "unreadable", "not-utf8",
	                                    "too-large",    "skipped",    "grammar-gap"};

	return k <= SCOUT_DIAG_GRAMMAR_GAP ? names[k] : "?";
}

double scout_annotations_coverage(const scout_annotations *a)
{
	if (a->slots == 0)
		return 1.0;
	return round((double)a->annotated_slots / a->slots * 10000.0) / 10000.0;
}

void scout_module_add_finding(scout_module *m, const char *rule, scout_category cat, uint32_t line,
                              uint32_t column, uint32_t end_line, uint32_t end_column,
                              const char *message, const char *fix)
{
	scout_finding f = {
	    .rule = rule,
	    .category = cat,
	    .line = line,
	    .column = column,
	    .end_line = end_line,
	    .end_column = end_column,
	    .message = scout_strdup(message),
	    .fix = scout_strdup(fix ? fix : ""),
	};

	SCOUT_PUSH(m->findings, m->nfindings, m->findings_cap, f);
}

static int compare_paths(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

void scout_finding_assume(scout_finding *f, const char *path)
{
	for (uint32_t i = 0; i < f->nassumes; i++)
		if (strcmp(f->assumes[i], path) == 0)
			return;
	f->assumes = scout_realloc(f->assumes, (f->nassumes + 1) * sizeof(*f->assumes));
	f->assumes[f->nassumes++] = scout_strdup(path);
	qsort(f->assumes, f->nassumes, sizeof(*f->assumes), compare_paths);
}

bool scout_finding_holds(const scout_finding *f)
{
	return !f->unmet;
}

void scout_finding_clear(scout_finding *f)
{
	free(f->message);
	free(f->fix);
	for (uint32_t i = 0; i < f->nassumes; i++)
		free(f->assumes[i]);
	free(f->assumes);
	memset(f, 0, sizeof(*f));
}

static int compare_findings(const void *pa, const void *pb)
{
	const scout_finding *a = pa, *b = pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

/* Score formula (documented in README "Scores"): readiness to compile now.
 * A blocker makes it 0, and so does a grammar gap (verdict unknown: nothing
 * vouches for what was not parsed). Otherwise the annotation coverage in
 * percent, divided by 1 + d/20, where d is the weighted density of the other
 * findings per 100 lines (non-native 10, behaviour 3, slow 1, info 0; at least 100
 * lines counted), so a large module is not sunk by many small hints. */
int scout_module_score(const scout_module *m)
{
	static const double weight[SCOUT_CATEGORY_COUNT] = {0, 10, 3, 1, 0};
	double weighted = 0.0, density;

	if (m->grammar_gap_line)
		return 0;
	for (size_t i = 0; i < m->nfindings; i++) {
		if (!scout_finding_holds(&m->findings[i]))
			continue;
		if (m->findings[i].category == SCOUT_BLOCKER)
			return 0;
		weighted += weight[m->findings[i].category];
	}
	density = weighted * 100.0 / (m->lines > 100 ? (double)m->lines : 100.0);
	return (int)lround(100.0 * scout_annotations_coverage(&m->ann) / (1.0 + density / 20.0));
}

/* Whether the findings are in order already: as the walk found them, they
 * mostly are, and a module is finished again after the project's checks. */
static bool findings_sorted(const scout_module *m)
{
	for (size_t i = 1; i < m->nfindings; i++)
		if (compare_findings(&m->findings[i - 1], &m->findings[i]) > 0)
			return false;
	return true;
}

void scout_module_finish(scout_module *m, double coverage_threshold)
{
	size_t count[SCOUT_CATEGORY_COUNT] = {0};

	if (!findings_sorted(m)) /* and ties stay in the order they were found */
		qsort(m->findings, m->nfindings, sizeof(*m->findings), compare_findings);
	scout_fingerprint_finish(m);
	for (size_t i = 0; i < m->nfindings; i++)
		if (scout_finding_holds(&m->findings[i]))
			count[m->findings[i].category]++;
	if (count[SCOUT_BLOCKER])
		m->verdict = SCOUT_BLOCKED;
	else if (m->grammar_gap_line)
		m->verdict = SCOUT_UNKNOWN;
	else if (count[SCOUT_NON_NATIVE] || count[SCOUT_BEHAVIOUR])
		m->verdict = SCOUT_NEEDS_CHANGES;
	else if (scout_annotations_coverage(&m->ann) < coverage_threshold)
		m->verdict = SCOUT_NEEDS_ANNOTATIONS;
	else
		m->verdict = SCOUT_READY;
	m->score = scout_module_score(m);
}

void scout_module_clear(scout_module *m)
{
	for (size_t i = 0; i < m->nfindings; i++)
		scout_finding_clear(&m->findings[i]);
	free(m->findings);
	for (size_t i = 0; i < m->nclasses; i++) {
		for (uint32_t j = 0; j < m->classes[i].nbases; j++)
			free(m->classes[i].bases[j]);
		free(m->classes[i].bases);
		free(m->classes[i].name);
		free(m->classes[i].bad_builtin);
		for (uint32_t j = 0; j < m->classes[i].nattrs; j++)
			free(m->classes[i].attrs[j].name);
		free(m->classes[i].attrs);
	}
	free(m->classes);
	for (size_t i = 0; i < m->nbindings; i++) {
		free(m->bindings[i].local);
		free(m->bindings[i].target);
	}
	free(m->bindings);
	for (size_t i = 0; i < m->nasked; i++)
		free(m->asked[i]);
	free(m->asked);
	for (size_t i = 0; i < m->nimports; i++) {
		free(m->imports[i].module);
		free(m->imports[i].name);
	}
	free(m->imports);
	for (size_t i = 0; i < m->ncalls; i++)
		free(m->calls[i].target);
	free(m->calls);
	for (size_t i = 0; i < m->npatches; i++)
		free(m->patches[i].target);
	free(m->patches);
	for (size_t i = 0; i < m->nattr_refs; i++) {
		free(m->attr_refs[i].object);
		free(m->attr_refs[i].attr);
	}
	free(m->attr_refs);
	free(m->path);
	free(m->module);
	memset(m, 0, sizeof(*m));
}

void scout_diag_init(scout_diagnostic *out, const char *path, scout_diag_kind kind, uint32_t line,
                     const char *message)
{
	out->path = scout_strdup(path);
	out->kind = kind;
	out->line = line;
	out->message = scout_strdup(message);
}

void scout_diag_clear(scout_diagnostic *d)
{
	free(d->path);
	free(d->message);
	memset(d, 0, sizeof(*d));
}

void scout_scan_add_diag(scout_scan *s, const char *path, scout_diag_kind kind, uint32_t line,
                         const char *message)
{
	scout_diagnostic d;

	scout_diag_init(&d, path, kind, line, message);
	SCOUT_PUSH(s->diags, s->ndiags, s->diags_cap, d);
}

static int compare_modules(const void *pa, const void *pb)
{
	const scout_module *a = pa, *b = pb;

	return strcmp(a->path, b->path);
}

int scout_diag_compare(const void *pa, const void *pb)
{
	const scout_diagnostic *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->message, b->message);
}

void scout_scan_sort(scout_scan *s)
{
	if (s->nmodules)
		qsort(s->modules, s->nmodules, sizeof(*s->modules), compare_modules);
	if (s->ndiags)
		qsort(s->diags, s->ndiags, sizeof(*s->diags), scout_diag_compare);
}

void scout_profile_placement_clear(scout_profile_placement *p)
{
	for (size_t i = 0; i < p->nties; i++) {
		free(p->ties[i].file);
		for (size_t k = 0; k < p->ties[i].nmodules; k++)
			free(p->ties[i].modules[k]);
		free(p->ties[i].modules);
	}
	free(p->ties);
	memset(p, 0, sizeof(*p));
}

char *scout_scan_local_path(const scout_scan *s, const char *path)
{
	const char *in = s->cwd_in_root ? s->cwd_in_root : "";

	if (!path)
		return NULL;
	if (in[0] && scout_str_startswith(path, in))
		return scout_strdup(path + strlen(in));
	return scout_asprintf("%s%s", s->from_cwd ? s->from_cwd : "", path);
}

const scout_compile_origin *scout_scan_excluded_by(const scout_scan *s, const scout_module *m)
{
	if (!m->excluded_by || m->excluded_by > s->ncompile_origins)
		return NULL;
	return &s->compile_origins[m->excluded_by - 1];
}

void scout_scan_free(scout_scan *s)
{
	for (size_t i = 0; i < s->nmodules; i++)
		scout_module_clear(&s->modules[i]);
	for (size_t i = 0; i < s->ndiags; i++)
		scout_diag_clear(&s->diags[i]);
	free(s->modules);
	free(s->diags);
	free(s->root);
	free(s->repo_prefix);
	free(s->from_cwd);
	free(s->cwd_in_root);
	free(s->source);
	free(s->hotness_source);
	scout_profile_placement_clear(&s->profile);
	free(s->mypyc_version_source);
	free(s->python_platform);
	free(s->python_source);
	free(s->advisories);
	free(s->compile_source);
	for (size_t i = 0; i < s->ncompile_origins; i++)
		scout_compile_origin_clear(&s->compile_origins[i]);
	for (size_t i = 0; i < s->ncompile_unread; i++)
		scout_compile_unread_clear(&s->compile_unread[i]);
	free(s->compile_origins);
	free(s->compile_unread);
	free(s->scope_source);
	free(s->backend_name);
	free(s->plan.compile);
	free(s->plan.blocked);
	free(s->plan.places);
	memset(s, 0, sizeof(*s));
}

void scout_annotations_add(scout_annotations *to, const scout_annotations *a)
{
	to->defs += a->defs;
	to->typed_defs += a->typed_defs;
	to->fully_typed_defs += a->fully_typed_defs;
	to->slots += a->slots;
	to->annotated_slots += a->annotated_slots;
	to->any += a->any;
	to->type_ignores += a->type_ignores;
}

void scout_summary_add(scout_summary *out, const scout_module *m)
{
	out->modules++;
	out->lines += m->lines;
	out->verdicts[m->verdict]++;
	for (size_t j = 0; j < m->nfindings; j++)
		out->findings[m->findings[j].category]++;
	scout_annotations_add(&out->ann, &m->ann);
}

void scout_scan_summarise(const scout_scan *s, scout_summary *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < s->nmodules; i++)
		scout_summary_add(out, &s->modules[i]);
}

static bool has_component(const char *path, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = path; (p = strstr(p, name)); p += n)
		if ((p == path || p[-1] == '/') && p[n] == '/')
			return true;
	return false;
}

bool scout_module_is_test(const scout_module *m)
{
	const char *base = strrchr(m->path, '/');

	base = base ? base + 1 : m->path;
	return has_component(m->path, "tests") || has_component(m->path, "test") ||
	       has_component(m->path, "testing") || scout_str_startswith(base, "test_") ||
	       scout_str_endswith(base, "_test.py") || strcmp(base, "conftest.py") == 0;
}

char *scout_import_absolute(const char *module, bool is_package, const char *target)
{
	size_t dots = strspn(target, ".");
	char *base, *out;
	size_t up;

	if (dots == 0)
		return scout_strdup(target);
	base = scout_strdup(module ? module : "");
	up = dots - (is_package ? 1 : 0);
	for (size_t i = 0; i < up; i++) {
		char *dot = strrchr(base, '.');

		if (!dot) {
			base[0] = '\0';
			break;
		}
		*dot = '\0';
	}
	out = scout_asprintf("%s%s%s", base, base[0] && target[dots] ? "." : "", target + dots);
	free(base);
	return out;
}
