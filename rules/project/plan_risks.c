/* Rule family: risks the compile plan creates for code that stays
 * interpreted (checked in the rank stage, after the plan is built). */
#include "common/docs.h"
#include "project_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool *planned_modules(const scout_scan *scan)
{
	bool *planned = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*planned));

	for (size_t i = 0; i < scan->plan.ncompile; i++)
		planned[scan->plan.compile[i].module] = true;
	return planned;
}

/* Interpreted subclasses of every project class, found in one pass over
 * the unplanned modules: for the class with global number g (its module's
 * offset plus its index), count[g] subclasses, the first (by module, then
 * class) in first[g]. */
typedef struct subclass_index {
	size_t *offset; /* per module: global number of its first class */
	size_t *count;
	scout_class_ref *first;
} subclass_index;

static void subclass_index_build(subclass_index *sx, const scout_scan *scan,
                                 const scout_class_index *ix, const bool *planned)
{
	size_t total = 0, *last; /* per class: 1 + the subclass that last counted it */

	sx->offset = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*sx->offset));
	for (size_t m = 0; m < scan->nmodules; m++) {
		sx->offset[m] = total;
		total += scan->modules[m].nclasses;
	}
	sx->count = scout_calloc(total ? total : 1, sizeof(*sx->count));
	sx->first = scout_calloc(total ? total : 1, sizeof(*sx->first));
	last = scout_calloc(total ? total : 1, sizeof(*last));
	for (size_t b = 0; b < scan->nmodules; b++) {
		const scout_module *m = &scan->modules[b];

		if (planned[b])
			continue;
		for (size_t c = 0; c < m->nclasses; c++) {
			const scout_class_info *ci = &m->classes[c];

			for (uint32_t k = 0; k < ci->nbases; k++) {
				scout_class_ref r;
				size_t g;

				if (!scout_class_index_resolve(ix, b, ci->bases[k], &r))
					continue;
				g = sx->offset[r.module] + r.cls;
				if (last[g] == sx->offset[b] + c + 1)
					continue; /* a class counts once per base it names */
				last[g] = sx->offset[b] + c + 1;
				if (sx->count[g]++ == 0)
					sx->first[g] = (scout_class_ref){b, c};
			}
		}
	}
	free(last);
}

static void subclass_index_free(subclass_index *sx)
{
	free(sx->offset);
	free(sx->count);
	free(sx->first);
}

/* Where `name` is bound in module m: its definition or import. */
static void binding_site(const scout_module *m, const char *name, uint32_t *line, uint32_t *column)
{
	*line = *column = 1;
	for (size_t i = m->nbindings; i-- > 0;)
		if (m->bindings[i].kind != SCOUT_BIND_EXPORT &&
		    strcmp(m->bindings[i].local, name) == 0) {
			*line = m->bindings[i].line;
			*column = m->bindings[i].column;
			return;
		}
}

static bool already_reported(const scout_module *m, const char *rule, uint32_t line,
                             uint32_t column)
{
	for (size_t i = 0; i < m->nfindings; i++)
		if (m->findings[i].rule == rule && m->findings[i].line == line &&
		    m->findings[i].column == column)
			return true;
	return false;
}

static const scout_rule rule_monkeypatch_function = {
    .id = "monkeypatch-function",
    .category = SCOUT_BEHAVIOUR,
    .title = "a name of a planned module is patched at run time (tests, plugins)",
    .why = "compiled code binds module-level functions, classes and Final values early: "
           "mock.patch / monkeypatch.setattr on the module attribute no longer reaches "
           "compiled callers",
    .bad = "# tests/test_core.py\nwith mock.patch(\"pkg.core.helper\", fake):\n    "
           "pkg.core.run()  # compiled run() still calls the real helper\n",
    .good = "# pass the collaborator in instead of patching it\npkg.core.run(helper=fake)\n",
    .fix = "inject the dependency (a parameter or an attribute of an object) instead of "
           "patching the module, or keep the module interpreted",
    .docs = SCOUT_DOCS_DIFF};

/* Names of planned modules that other code patches (once per name). */
static void check_patches(scout_scan *scan, const scout_modindex *ix, const bool *planned,
                          const scout_rule_config *config)
{
	const scout_rule *rule = &rule_monkeypatch_function;
	char message[600];

	for (size_t p = 0; p < scan->nmodules; p++) {
		const scout_module *from = &scan->modules[p];

		for (size_t k = 0; k < from->npatches; k++) {
			char *abs = scout_modindex_absolute(from, from->patches[k].target);
			size_t to = scout_modindex_find_prefix(ix, abs);
			const char *name;
			uint32_t line, column;
			scout_module *m;

			if (to == SCOUT_NO_MODULE || to == p || !planned[to]) {
				free(abs);
				continue;
			}
			m = &scan->modules[to];
			name = abs + strlen(m->module) + (abs[strlen(m->module)] == '.');
			binding_site(m, name, &line, &column);
			if (!already_reported(m, rule->id, line, column)) {
				snprintf(
				    message, sizeof(message),
				    "%s is patched at run time (%s:%u), but compiled code in %s "
				    "keeps calling the original: module-level names are bound "
				    "early",
				    abs, from->path, from->patches[k].line, m->module);
				scout_rules_report(m, rule, config, line, column, line, column,
				                   message);
			}
			free(abs);
		}
	}
}

static const scout_rule rule_interpreted_subclass = {
    .id = "interpreted-subclass",
    .category = SCOUT_BEHAVIOUR,
    .title = "native class of a planned module subclassed by code that stays interpreted",
    .why = "creating an instance of the subclass fails once the base is compiled: the "
           "native class's __new__ raises \"TypeError: interpreted classes cannot inherit from "
           "compiled\" for any other type (the class statement and the import still work)",
    .bad = "# pkg/core.py (compiled)\nclass Base:\n    pass\n\n# tests/test_core.py "
           "(interpreted)\nclass Fake(Base):\n    pass\n",
    .good = "# pkg/core.py (compiled)\nfrom mypy_extensions import mypyc_attr\n\n"
            "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Base:\n    pass\n",
    .fix = "decorate the class with @mypyc_attr(allow_interpreted_subclasses=True) from "
           "mypy_extensions, or compile the subclass's module too",
    .docs = SCOUT_DOCS_NATIVE};

void scout_rules_check_plan_risks(scout_scan *scan, const scout_class_index *classes,
                                  const scout_rule_config *config)
{
	const scout_rule *rule = &rule_interpreted_subclass;
	bool *planned = planned_modules(scan);
	subclass_index sx;
	char message[600];

	check_patches(scan, &classes->modules, planned, config);
	subclass_index_build(&sx, scan, classes, planned);
	for (size_t a = 0; a < scan->nmodules; a++) {
		scout_module *m = &scan->modules[a];

		if (!planned[a])
			continue;
		for (size_t c = 0; c < m->nclasses; c++) {
			const scout_class_info *ci = &m->classes[c];
			scout_class_ref first = {0, 0};
			size_t n;

			if (ci->kind != 0 || ci->allow_interpreted)
				continue;
			n = sx.count[sx.offset[a] + c];
			if (n == 0)
				continue;
			first = sx.first[sx.offset[a] + c];
			snprintf(message, sizeof(message),
			         "class %s is subclassed by %s in %s%s, which stays interpreted: "
			         "creating %s fails once %s is compiled (TypeError: \"interpreted "
			         "classes cannot inherit from compiled\")",
			         ci->name, scan->modules[first.module].classes[first.cls].name,
			         scan->modules[first.module].path, n > 1 ? " and elsewhere" : "",
			         n > 1 ? "those subclasses' instances" : "an instance of it",
			         m->module);
			scout_rules_report(m, rule, config, ci->line, ci->column, ci->end_line,
			                   ci->end_column, message);
		}
	}
	subclass_index_free(&sx);
	free(planned);
}

SCOUT_FAMILY(scout_family_project_plan_risks, &rule_interpreted_subclass,
             &rule_monkeypatch_function);
