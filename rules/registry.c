/* The one list of rule families; every rule the tool knows comes from here. */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

const scout_rule scout_rule_syntax_error = {
    .id = "syntax-error",
    .category = SCOUT_BLOCKER,
    .title = "module does not parse",
    .why = "mypy stops at the first syntax error, so mypyc compiles nothing",
    .bad = "def f(:\n    pass\n",
    .good = "def f():\n    pass\n",
    .fix = "fix the syntax error (Python 3 syntax; see the location)",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .enter = NULL,
};

static const scout_rule *const all_rules[] = {
    &scout_rule_syntax_error,
};

const scout_rule *const *scout_rules_all(size_t *count)
{
	*count = sizeof(all_rules) / sizeof(*all_rules);
	return all_rules;
}

const scout_rule *scout_rules_find(const char *id)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(rules[i]->id, id) == 0)
			return rules[i];
	return NULL;
}

void scout_rules_enter(scout_walk *w, TSNode node)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	for (size_t i = 0; i < n; i++)
		if (rules[i]->enter)
			rules[i]->enter(w, node, rules[i]);
}
