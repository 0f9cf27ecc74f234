/* Exception handlers: `except E as name` that rebinds a parameter. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

/* The name a parameter binds: plain, typed, defaulted, and the splats
 * `*args`, `**kwargs` (typed or not); null for separators. */
static TSNode param_binding(const scout_walk *w, TSNode p)
{
	TSNode name = scout_defs_param_name(w, p);

	if (!ts_node_is_null(name))
		return name;
	if (ts_node_symbol(p) == w->sym->typed_parameter && scout_node_named_child_count(p))
		p = scout_node_named_child(p, 0);
	if ((ts_node_symbol(p) == w->sym->list_splat_pattern ||
	     ts_node_symbol(p) == w->sym->dictionary_splat_pattern) &&
	    scout_node_named_child_count(p) &&
	    ts_node_symbol(scout_node_named_child(p, 0)) == w->sym->identifier)
		return scout_node_named_child(p, 0);
	return SCOUT_NULL_NODE;
}

/* mypy's checker sets the type of an `except ... as name` variable to
 * DeletedType once the handler ends; when that variable is a parameter,
 * mypyc later maps the parameter's type and trips "unexpected type
 * DeletedType" (mypyc/irbuild/env_class.py, add_args_to_env). A local first
 * bound elsewhere is typed from its assignment and compiles. */
static void check_except_rebinds_param(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode alias = scout_nodes_field(node, w->sym->f_alias), def, params;
	uint32_t count;
	char message[320];

	/* The grammar parses `E as name` as value: as_pattern(E, alias:
	 * as_pattern_target(name)); an older one put the alias on the clause. */
	if (ts_node_is_null(alias)) {
		TSNode value = scout_nodes_field(node, w->sym->f_value);

		if (scout_nodes_is(value, w->sym->as_pattern))
			alias = scout_nodes_field(value, w->sym->f_alias);
	}
	if (scout_nodes_is(alias, w->sym->as_pattern_target) && scout_node_named_child_count(alias))
		alias = scout_node_named_child(alias, 0);
	if (!scout_nodes_is(alias, w->sym->identifier))
		return;
	def = scout_defs_enclosing_function(w, 1);
	params = scout_nodes_field(def, w->sym->f_parameters);
	count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);
	for (uint32_t i = 0; i < count; i++) {
		TSNode name = param_binding(w, scout_node_named_child(params, i));

		if (ts_node_is_null(name) ||
		    !scout_nodes_text_eq(name, w->src, w->src + ts_node_start_byte(alias),
		                         ts_node_end_byte(alias) - ts_node_start_byte(alias)))
			continue;
		snprintf(message, sizeof(message),
		         "`except ... as %.*s` rebinds parameter %.*s of %.*s: mypy marks the "
		         "variable deleted after the handler and mypyc crashes on the parameter "
		         "(\"AssertionError: unexpected type DeletedType\")",
		         SCOUT_TEXT_ARG(alias, w->src), SCOUT_TEXT_ARG(alias, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, def), w->src));
		scout_walk_report(w, self, alias, message, NULL);
		return;
	}
}

static const scout_rule rule_except_rebinds_param = {
    .id = "except-rebinds-param",
    .category = SCOUT_BLOCKER,
    .title = "`except ... as name` reusing a parameter's name",
    .why = "mypy types the variable of `except E as name` as deleted once the handler ends; "
           "when the name is a parameter of the function, mypyc maps the parameter's type and "
           "crashes with \"AssertionError: unexpected type <class 'mypy.types.DeletedType'>\"",
    .bad = "def parse(err: str) -> int:\n    try:\n        return int(err)\n"
           "    except ValueError as err:\n        return 0\n",
    .good = "def parse(text: str) -> int:\n    try:\n        return int(text)\n"
            "    except ValueError as err:\n        return 0\n",
    .fix = "give the exception variable a name that no parameter of the function has",
    .docs = SCOUT_DOCS_DIFF,
    .on = "except_clause",
    .enter = check_except_rebinds_param};

SCOUT_FAMILY(scout_family_statements_exceptions, &rule_except_rebinds_param);
