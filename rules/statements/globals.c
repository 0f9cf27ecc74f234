/* Module-level names: `global` rebinding, and Final names compiled code
 * binds early. */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

static void check_global(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1);
	uint32_t start, end;
	char message[320];
	const char *text;
	int n;

	if (ts_node_is_null(def) || scout_node_named_child_count(node) == 0)
		return; /* `global` at module level changes nothing */
	start = ts_node_start_byte(scout_node_named_child(node, 0));
	end = ts_node_end_byte(node);
	text = w->src + start;
	n = (int)(end - start > 60 ? 60 : end - start);
	for (int i = 0; i < n; i++)
		if (text[i] == '\n' || text[i] == '\r' || text[i] == '\\')
			n = i;
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80 && (uint32_t)n < end - start)
		n--;
	snprintf(message, sizeof(message),
	         "`global %.*s` rebinds a module variable: compiled code reads and writes it "
	         "through the module dictionary, never as a native value",
	         n, text);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_non_final_globals = {
    .id = "non-final-globals",
    .category = SCOUT_SLOW,
    .title = "module variable rebound with `global`",
    .why = "module variables that are not Final live in the module dictionary; a function "
           "that rebinds one with `global` reads and writes it by dictionary lookups",
    .bad = "counter = 0\n\ndef inc() -> None:\n    global counter\n    counter += 1\n",
    .good = "class Counter:\n    def __init__(self) -> None:\n        self.value = 0\n\n    "
            "def inc(self) -> None:\n        self.value += 1\n",
    .fix = "keep the state in an object (a native class instance) or pass it around, and "
           "mark true constants Final",
    .docs = SCOUT_DOCS_DIFF,
    .on = "global_statement",
    .enter = check_global};

/* ---- Final ----------------------------------------------------------------- */

static void check_final_binding(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode stmt = scout_walk_ancestor(w, 1), holder = scout_walk_ancestor(w, 2), left;
	char message[240];
	const char *name;
	int n;

	if (ts_node_is_null(stmt) || ts_node_symbol(stmt) != s->expression_statement ||
	    ts_node_is_null(holder))
		return;
	if (ts_node_symbol(holder) != s->module &&
	    !(ts_node_symbol(holder) == s->block &&
	      scout_walk_ancestor_symbol(w, 3) == s->class_definition))
		return;
	left = scout_node_field(node, s->f_left);
	if (ts_node_symbol(left) != s->identifier ||
	    ts_node_is_null(scout_node_field(node, s->f_right)) ||
	    !scout_defs_annotation_is(w, node, scout_final_names))
		return;
	n = scout_nodes_clip(left, w->src, &name);
	snprintf(message, sizeof(message),
	         "Final %.*s is inlined into compiled code, so rebinding it at run time (tests, "
	         "patching) has no effect there",
	         n, name);
	scout_walk_report(w, self, left, message, NULL);
}

static const scout_rule rule_final_early_binding = {
    .id = "final-early-binding",
    .category = SCOUT_BEHAVIOUR,
    .title = "Final constant inlined into compiled code",
    .why = "mypyc inlines Final values, so rebinding the name at run time (monkeypatching, "
           "tests) does not reach compiled code",
    .bad = "LIMIT: Final = 10\n",
    .good = "LIMIT = 10\n",
    .fix = "drop Final for values that tests or plugins rebind, or patch the callers instead",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html#final-values",
    .on = "assignment",
    .enter = check_final_binding};

SCOUT_FAMILY(scout_family_statements_globals, &rule_non_final_globals, &rule_final_early_binding);
