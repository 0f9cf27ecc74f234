/* Rule family: risks the compile plan creates for code that stays
 * interpreted (checked in the rank stage, after the plan is built). */
#include "project_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOCS_NATIVE "https://mypyc.readthedocs.io/en/latest/native_classes.html"

static const scout_rule rules[] = {
    {.id = "interpreted-subclass",
     .category = SCOUT_BEHAVIOUR,
     .title = "native class of a planned module subclassed by code that stays interpreted",
     .why = "importing the subclass fails once the base is compiled: \"TypeError: interpreted "
            "classes cannot inherit from compiled\"",
     .bad = "# pkg/core.py (compiled)\nclass Base:\n    pass\n\n# tests/test_core.py "
            "(interpreted)\nclass Fake(Base):\n    pass\n",
     .good = "# pkg/core.py (compiled)\nfrom mypy_extensions import mypyc_attr\n\n"
             "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Base:\n    pass\n",
     .fix = "decorate the class with @mypyc_attr(allow_interpreted_subclasses=True) from "
            "mypy_extensions, or compile the subclass's module too",
     .docs = DOCS_NATIVE},
};

SCOUT_FAMILY(scout_family_project_risks, rules);

static bool *planned_modules(const scout_scan *scan)
{
	bool *planned = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*planned));

	for (size_t i = 0; i < scan->plan.ncompile; i++)
		planned[scan->plan.compile[i].module] = true;
	return planned;
}

/* The first interpreted subclass of class (a, c), and how many there are. */
static size_t interpreted_subclasses(const scout_scan *scan, const scout_class_index *ix,
                                     const bool *planned, scout_class_ref base,
                                     scout_class_ref *first)
{
	size_t count = 0;

	for (size_t b = 0; b < scan->nmodules; b++) {
		const scout_module *m = &scan->modules[b];

		if (planned[b])
			continue;
		for (size_t c = 0; c < m->nclasses; c++)
			for (uint32_t k = 0; k < m->classes[c].nbases; k++) {
				scout_class_ref r;

				if (scout_class_index_resolve(ix, b, m->classes[c].bases[k], &r) &&
				    r.module == base.module && r.cls == base.cls) {
					if (count++ == 0)
						*first = (scout_class_ref){b, c};
					break;
				}
			}
	}
	return count;
}

void scout_rules_check_plan_risks(scout_scan *scan, const scout_class_index *classes,
                                  const scout_rule_config *config)
{
	const scout_rule *rule = &rules[0];
	bool *planned;
	char message[600];

	if (!scout_rule_active(rule, scout_rules_index(rule), config))
		return;
	planned = planned_modules(scan);
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
			n = interpreted_subclasses(scan, classes, planned, (scout_class_ref){a, c},
			                           &first);
			if (n == 0)
				continue;
			snprintf(message, sizeof(message),
			         "class %s is subclassed by %s in %s%s, which stays interpreted: "
			         "importing it fails once %s is compiled (\"interpreted classes "
			         "cannot inherit from compiled\")",
			         ci->name, scan->modules[first.module].classes[first.cls].name,
			         scan->modules[first.module].path, n > 1 ? " and elsewhere" : "",
			         m->module);
			scout_module_add_finding(m, rule->id, rule->category, ci->line, ci->column,
			                         ci->end_line, ci->end_column, message, rule->fix);
		}
	}
	free(planned);
}
