/* Class rules across modules: the project class index links every base to
 * the class it names in another module of the project, through imports and
 * re-exports. The per-module rules (classes.c, runtime.c) see bases of the
 * same module; these checks report only what crosses a module boundary, so
 * nothing is reported twice. The scanned project is one compilation unit. */
#include "project_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "native.h"

/* How far imports are followed to a definition, and base chains climbed. */
#define MAX_HOPS  8
#define MAX_CHAIN 64

typedef struct class_ref {
	size_t module, cls; /* indexes into scan->modules and that module's classes */
} class_ref;

typedef struct entry {
	const char *name; /* borrowed: qualified class or module name */
	class_ref ref;
} entry;

typedef struct class_index {
	const scout_scan *scan;
	entry *classes; /* sorted by name: "pkg.mod.Class" */
	size_t nclasses;
	entry *modules; /* sorted by name: "pkg.mod" (ref.cls unused) */
	size_t nmodules;
	char **owned; /* qualified class names built here */
	size_t nowned;
} class_index;

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static const entry *lookup(const entry *v, size_t n, const char *name)
{
	entry key = {.name = name};

	return n ? bsearch(&key, v, n, sizeof(*v), compare_entries) : NULL;
}

static void index_build(class_index *ix, const scout_scan *scan)
{
	size_t total = 0, k = 0;

	memset(ix, 0, sizeof(*ix));
	ix->scan = scan;
	for (size_t m = 0; m < scan->nmodules; m++)
		total += scan->modules[m].nclasses;
	ix->classes = scout_calloc(total ? total : 1, sizeof(*ix->classes));
	ix->owned = scout_calloc(total ? total : 1, sizeof(*ix->owned));
	ix->modules = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*ix->modules));
	for (size_t m = 0; m < scan->nmodules; m++) {
		const scout_module *mod = &scan->modules[m];

		ix->modules[ix->nmodules++] = (entry){mod->module, {m, 0}};
		for (size_t c = 0; c < mod->nclasses; c++) {
			ix->owned[k] = scout_asprintf("%s.%s", mod->module, mod->classes[c].name);
			ix->classes[k] = (entry){ix->owned[k], {m, c}};
			k++;
		}
	}
	ix->nclasses = ix->nowned = k;
	if (k)
		qsort(ix->classes, k, sizeof(*ix->classes), compare_entries);
	if (ix->nmodules)
		qsort(ix->modules, ix->nmodules, sizeof(*ix->modules), compare_entries);
}

static void index_free(class_index *ix)
{
	for (size_t i = 0; i < ix->nowned; i++)
		free(ix->owned[i]);
	free(ix->owned);
	free(ix->classes);
	free(ix->modules);
}

/* Makes a relative target (".mod.Base", "..pkg.X") absolute for module m. */
static char *absolute(const scout_module *m, const char *target)
{
	size_t dots = strspn(target, ".");
	char *base = scout_strdup(m->module);
	size_t up = dots - (m->is_package ? 1 : 0);

	if (dots == 0) {
		free(base);
		return scout_strdup(target);
	}
	for (size_t i = 0; i < up; i++) {
		char *dot = strrchr(base, '.');

		if (!dot) {
			base[0] = '\0';
			break;
		}
		*dot = '\0';
	}
	{
		char *out = scout_asprintf("%s%s%s", base, base[0] && target[dots] ? "." : "",
		                           target + dots);

		free(base);
		return out;
	}
}

static const char *binding_of(const scout_module *m, const char *local)
{
	for (size_t i = m->nbindings; i-- > 0;)
		if (strcmp(m->bindings[i].local, local) == 0)
			return m->bindings[i].target;
	return NULL;
}

/* The project class an absolute qualified name denotes, following
 * re-exports (`from pkg.mod import Base` in pkg/__init__.py). */
static bool resolve(const class_index *ix, const char *qualified, class_ref *out)
{
	char *name = scout_strdup(qualified);
	bool found = false;

	for (int hop = 0; hop < MAX_HOPS && !found; hop++) {
		const entry *e = lookup(ix->classes, ix->nclasses, name);
		char *dot = strrchr(name, '.');
		const entry *mod;
		const char *target;
		char *next;

		if (e) {
			*out = e->ref;
			found = true;
			break;
		}
		if (!dot)
			break;
		*dot = '\0';
		mod = lookup(ix->modules, ix->nmodules, name);
		target = mod ? binding_of(&ix->scan->modules[mod->ref.module], dot + 1) : NULL;
		if (!target)
			break;
		next = absolute(&ix->scan->modules[mod->ref.module], target);
		free(name);
		name = next;
	}
	free(name);
	return found;
}

static bool resolve_base(const class_index *ix, size_t module, const char *base, class_ref *out)
{
	char *abs;
	bool found;

	if (!base[0] || scout_str_startswith(base, "builtins."))
		return false;
	abs = absolute(&ix->scan->modules[module], base);
	found = resolve(ix, abs, out);
	free(abs);
	return found;
}

static const scout_class_info *info(const class_index *ix, class_ref r)
{
	return &ix->scan->modules[r.module].classes[r.cls];
}

static bool is_native(const scout_class_info *c)
{
	return c->kind == SCOUT_CLASS_NATIVE;
}

typedef struct check_ctx {
	const class_index *ix;
	scout_scan *scan;
	const scout_rule_config *config;
} check_ctx;

static void report(check_ctx *cx, size_t module, const scout_class_info *c, const char *rule_id,
                   const char *message)
{
	const scout_rule *rule = scout_rules_find(rule_id);

	if (!rule || !scout_rule_active(rule, scout_rules_index(rule), cx->config))
		return;
	scout_module_add_finding(&cx->scan->modules[module], rule->id, rule->category, c->line,
	                         c->column, c->end_line, c->end_column, message, rule->fix);
}

/* builtin-base through a chain that passes through another module. */
static void check_builtin_chain(check_ctx *cx, size_t module, const scout_class_info *c)
{
	class_ref todo[MAX_CHAIN];
	bool crossed[MAX_CHAIN];
	size_t n = 0;
	char message[512];

	for (uint32_t i = 0; i < c->nbases && n < MAX_CHAIN; i++)
		if (resolve_base(cx->ix, module, c->bases[i], &todo[n])) {
			crossed[n] = todo[n].module != module;
			n++;
		}
	for (size_t i = 0; i < n; i++) {
		const scout_class_info *b = info(cx->ix, todo[i]);

		if (b->bad_builtin && crossed[i]) {
			snprintf(message, sizeof(message),
			         "native class %s inherits from builtin %s through %s (%s): mypyc "
			         "reports \"Inheriting from most builtin types is unimplemented\"",
			         c->name,
			         b->bad_builtin +
			             (scout_str_startswith(b->bad_builtin, "builtins.") ? 9 : 0),
			         b->name, cx->scan->modules[todo[i].module].path);
			report(cx, module, c, "builtin-base", message);
			return;
		}
		for (uint32_t j = 0; j < b->nbases && n < MAX_CHAIN; j++)
			if (resolve_base(cx->ix, todo[i].module, b->bases[j], &todo[n])) {
				crossed[n] = crossed[i] || todo[n].module != module;
				n++;
			}
	}
}

/* Multiple native non-trait bases, or a trait listed before a class, when
 * one of the bases lives in another module. */
static void check_bases(check_ctx *cx, size_t module, const scout_class_info *c)
{
	const scout_class_info *natives[2] = {0};
	const scout_class_info *first_trait = NULL;
	bool cross = false;
	size_t nnative = 0;
	char message[512];

	for (uint32_t i = 0; i < c->nbases; i++) {
		class_ref r;
		const scout_class_info *b;

		if (!resolve_base(cx->ix, module, c->bases[i], &r))
			continue;
		b = info(cx->ix, r);
		cross = cross || r.module != module;
		if (i == 0 && b->trait)
			first_trait = b;
		if (is_native(b) && !b->trait) {
			if (nnative < 2)
				natives[nnative] = b;
			nnative++;
			if (first_trait && cross) {
				snprintf(message, sizeof(message),
				         "class %s lists trait %s before class %s: mypyc reports "
				         "\"Non-trait base must appear first in parent list\"",
				         c->name, first_trait->name, b->name);
				report(cx, module, c, "trait-base-order", message);
				first_trait = NULL;
			}
		}
	}
	if (nnative >= 2 && cross && !c->trait) {
		snprintf(message, sizeof(message),
		         "class %s inherits from native classes %s and %s: mypyc supports multiple "
		         "inheritance only from traits",
		         c->name, natives[0]->name, natives[1]->name);
		report(cx, module, c, "multiple-inheritance", message);
	}
}

/* A non-native class of one module built on a native class of another, and
 * a class allowing interpreted subclasses on a base (of another module) that
 * does not. */
static void check_nativeness(check_ctx *cx, size_t module, const scout_class_info *c)
{
	char message[512];

	for (uint32_t i = 0; i < c->nbases; i++) {
		class_ref r;
		const scout_class_info *b;

		if (!resolve_base(cx->ix, module, c->bases[i], &r) || r.module == module)
			continue;
		b = info(cx->ix, r);
		if (!is_native(c) && c->kind != SCOUT_CLASS_NONNATIVE_ENUM &&
		    c->kind != SCOUT_CLASS_NONNATIVE_RECORD && is_native(b) && !b->trait) {
			snprintf(message, sizeof(message),
			         "class %s is not a native class but inherits from native class %s "
			         "(%s): mypyc reports \"Non-extension classes may not inherit from "
			         "extension classes\"",
			         c->name, b->name, cx->scan->modules[r.module].path);
			report(cx, module, c, "nonext-inherits-ext", message);
		}
		if (c->allow_interpreted && is_native(b) && !b->allow_interpreted) {
			snprintf(message, sizeof(message),
			         "class %s allows interpreted subclasses but its base %s (%s) does "
			         "not: mypyc reports \"Base class ... does not allow interpreted "
			         "subclasses\"",
			         c->name, b->name, cx->scan->modules[r.module].path);
			report(cx, module, c, "interpreted-subclass-base", message);
		}
	}
}

void scout_rules_check_class_index(scout_scan *scan, const scout_rule_config *config)
{
	class_index ix;
	check_ctx cx = {&ix, scan, config};

	index_build(&ix, scan);
	for (size_t m = 0; m < scan->nmodules; m++) {
		for (size_t c = 0; c < scan->modules[m].nclasses; c++) {
			const scout_class_info *ci = &scan->modules[m].classes[c];

			if (is_native(ci))
				check_builtin_chain(&cx, m, ci);
			if (is_native(ci))
				check_bases(&cx, m, ci);
			check_nativeness(&cx, m, ci);
		}
	}
	index_free(&ix);
}
