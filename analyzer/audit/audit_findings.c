/* The audit's findings views: every finding grouped by rule (section 3) and
 * the compatibility risks for users of the package (section 6). */
#include <stdlib.h>
#include <string.h>

#include "audit_build.h"

/* Section 6, in report order. Rule-based risks count only modules the audit
 * plans to compile, except those the link stage already reports about
 * planned modules from wherever the code is (patches, subclasses). */
typedef struct risk_def {
	const char *id, *title, *why;
	bool breaking, anywhere;
} risk_def;

static const risk_def risk_defs[] = {
    {"public-class", "Public classes users may subclass",
     "A compiled class is native: interpreted code cannot subclass it unless the class is "
     "decorated with @mypyc_attr(allow_interpreted_subclasses=True) (from mypy_extensions), "
     "so creating an instance of a user's subclass fails with TypeError.",
     true, false},
    {"interpreted-subclass", "Native classes that code staying interpreted subclasses",
     "Code in this repository that stays interpreted subclasses a class that would be "
     "compiled: creating its instances fails until the base allows interpreted subclasses or both "
     "are compiled together.",
     true, true},
    {"monkeypatch-function", "Functions patched at run time (tests, plugins)",
     "Compiled modules bind calls to module functions early: mock.patch or monkeypatch "
     "of such a function no longer reaches callers inside compiled code, so tests that "
     "rely on it (yours and your users') silently test the original.",
     false, true},
    {"monkeypatch-method", "Methods of native classes replaced at run time",
     "Native classes do not support replacing methods or class attributes at run time; "
     "compiled callers keep the original method.",
     true, true},
    {"inspect-introspection", "Introspection of compiled functions and classes",
     "inspect.signature, __code__, __defaults__, __annotations__ and similar attributes "
     "are missing or less precise on compiled functions; tools and users that "
     "introspect the package see a difference.",
     false, false},
    {"native-instance-no-dict", "__dict__ and vars() of native instances",
     "Native instances have no __dict__: vars(obj), obj.__dict__ and code that adds "
     "attributes on the fly raise AttributeError.",
     true, false},
    {"pickle-copy-native", "Pickling and copying native instances",
     "Native instances pickle and copy differently (no __dict__; __init__ arguments "
     "needed); pickles written by the interpreted version may not load.",
     true, false},
    {"run-as-script", "if __name__ == \"__main__\" in modules to compile",
     "A compiled module run as a script (python -m) does not run its "
     "__name__ == \"__main__\" block the same way; move the entry point to a small "
     "interpreted __main__.py or a console script.",
     false, false},
    {"non-final-globals", "Module globals reassigned at run time",
     "Compiled code binds module globals early; code that rebinds them at run time "
     "(global statements, or users setting module.X = ...) may not be seen by "
     "compiled functions. Mark constants Final.",
     false, false},
};

/* By severity (blockers first), then most findings first, then id. */
static int compare_rule(const void *pa, const void *pb)
{
	const scout_audit_rule *a = pa, *b = pb;
	int ra = scout_audit_severity_rank(a->category);
	int rb = scout_audit_severity_rank(b->category);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->nlocs != b->nlocs)
		return a->nlocs > b->nlocs ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

static scout_audit_rule *rule_group(scout_audit *a, const scout_finding *f)
{
	scout_audit_rule group = {f->rule, f->category, 0, NULL, 0, 0};

	for (size_t k = 0; k < a->nrules; k++)
		if (strcmp(a->rules[k].rule, f->rule) == 0)
			return &a->rules[k];
	SCOUT_PUSH(a->rules, a->nrules, a->rules_cap, group);
	return &a->rules[a->nrules - 1];
}

void scout_audit_build_rules(scout_audit *a, const scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; m->shipped && j < m->nfindings; j++) {
			const scout_finding *f = &m->findings[j];
			scout_audit_rule *g = rule_group(a, f);
			scout_audit_loc loc = {i, f->line, f->column, f->message, f->fix, f};

			if (g->nlocs == 0 || g->locs[g->nlocs - 1].module != i)
				g->nmodules++;
			SCOUT_PUSH(g->locs, g->nlocs, g->locs_cap, loc);
		}
	}
	if (a->nrules > 1)
		qsort(a->rules, a->nrules, sizeof(*a->rules), compare_rule);
}

/* A module a user could import: no component that starts with '_' (a
 * package's __init__.py is public). */
static bool is_public_module(const char *path)
{
	const char *p = path;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (p[0] == '_' && !(n == 11 && strncmp(p, "__init__.py", 11) == 0))
			return false;
		p += n + (p[n] == '/');
	}
	return true;
}

static void public_classes(scout_audit_risk *r, const scout_scan *scan, const bool *compiled)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		if (!compiled[i] || !is_public_module(m->path))
			continue;
		for (size_t j = 0; j < m->nclasses; j++) {
			const scout_class_info *c = &m->classes[j];
			scout_audit_loc loc = {i, c->line, c->column, c->name, NULL, NULL};

			if (c->kind != 0 || c->allow_interpreted || c->trait || c->name[0] == '_')
				continue;
			SCOUT_PUSH(r->locs, r->nlocs, r->locs_cap, loc);
		}
	}
}

static void rule_risk(scout_audit_risk *r, const scout_audit *a, const bool *compiled,
                      bool anywhere)
{
	for (size_t k = 0; k < a->nrules; k++) {
		const scout_audit_rule *g = &a->rules[k];

		if (strcmp(g->rule, r->id) != 0)
			continue;
		for (size_t j = 0; j < g->nlocs; j++)
			if (anywhere || compiled[g->locs[j].module])
				SCOUT_PUSH(r->locs, r->nlocs, r->locs_cap, g->locs[j]);
	}
}

void scout_audit_build_risks(scout_audit *a, const scout_scan *scan)
{
	bool *compiled = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*compiled));

	for (size_t i = 0; i < a->nphase1; i++)
		compiled[a->phase1[i].module] = true;
	for (size_t i = 0; i < a->nphase2; i++)
		compiled[a->phase2[i].module] = true;
	for (size_t k = 0; k < sizeof(risk_defs) / sizeof(*risk_defs); k++) {
		const risk_def *d = &risk_defs[k];
		scout_audit_risk r = {d->id, d->title, d->why, d->breaking, NULL, 0, 0};

		if (strcmp(d->id, "public-class") == 0)
			public_classes(&r, scan, compiled);
		else
			rule_risk(&r, a, compiled, d->anywhere);
		a->major_version |= d->breaking && r.nlocs > 0;
		SCOUT_PUSH(a->risks, a->nrisks, a->risks_cap, r);
	}
	free(compiled);
}
