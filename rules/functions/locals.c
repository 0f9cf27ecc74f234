/* Local variables: locals only ever assigned None, which mypyc cannot type,
 * and bound methods cached in locals, which it calls generically
 * (mypyc/irbuild/builder.py; performance_tips_and_tricks.rst). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* Local names tracked per function by inferred-none-local. */
#define MAX_LOCALS 64

/* --- inferred None locals ------------------------------------------------------ */

typedef struct local_facts {
	TSNode name;      /* first `x = None` target, or a null node */
	bool other;       /* bound some other way, annotated, global/nonlocal, a parameter */
	bool read;        /* read after the first `x = None` */
	const char *text; /* the name */
	uint32_t len;
} local_facts;

/* The facts about the name `id` spells, or NULL when it has none yet. */
static local_facts *fact_named(const scout_walk *w, local_facts *facts, size_t n, TSNode id)
{
	uint32_t len;
	const char *text = scout_node_text(id, w->src, &len);

	for (size_t i = 0; i < n; i++)
		if (facts[i].len == len && memcmp(facts[i].text, text, len) == 0)
			return &facts[i];
	return NULL;
}

/* The facts about `id`'s name, started when it has none (NULL when full). */
static local_facts *facts_for(const scout_walk *w, local_facts *facts, size_t *n, TSNode id)
{
	local_facts *f = fact_named(w, facts, *n, id);
	uint32_t len;
	const char *text;

	if (f || *n == MAX_LOCALS)
		return f;
	text = scout_node_text(id, w->src, &len);
	facts[*n] = (local_facts){SCOUT_NULL_NODE, false, false, text, len};
	return &facts[(*n)++];
}

/* True when the statement holding `assignment` carries a `# type:` comment. */
static bool has_type_comment(const scout_walk *w, TSNode assignment)
{
	TSNode stmt = scout_node_parent(assignment), next = scout_node_next_sibling(stmt);
	uint32_t len;
	const char *text;

	if (ts_node_is_null(next) || ts_node_symbol(next) != w->sym->comment ||
	    ts_node_start_point(next).row != ts_node_end_point(assignment).row)
		return false;
	text = scout_node_text(next, w->src, &len);
	while (len && (*text == '#' || *text == ' ')) {
		text++;
		len--;
	}
	return len >= 5 && memcmp(text, "type:", 5) == 0;
}

/* Which node types are patterns (every type whose name has "pattern" in it:
 * case patterns, as_pattern, tuple_pattern, list_splat_pattern ...), one
 * byte per symbol; symbols past the table (ERROR) are none. */
static uint8_t *pattern_types;
static uint32_t npattern_types;
static pthread_once_t pattern_types_once = PTHREAD_ONCE_INIT;

static uint8_t is_pattern_type(const TSLanguage *lang, TSSymbol t)
{
	return strstr(ts_language_symbol_name(lang, t), "pattern") != NULL;
}

static void build_pattern_types(void)
{
	pattern_types = scout_symbol_bytes(is_pattern_type, &npattern_types);
}

static bool is_pattern(TSSymbol t)
{
	pthread_once(&pattern_types_once, build_pattern_types);
	return t < npattern_types && pattern_types[t];
}

/* What an identifier occurrence does, from its parent: 0 read, 1 `x = None`
 * (unannotated), 2 another binding or declaration, 3 not a variable use. */
static int identifier_role(const scout_walk *w, TSNode id, TSNode parent)
{
	TSSymbol pt = ts_node_symbol(parent);

	if (pt == w->sym->assignment && ts_node_eq(scout_node_field(parent, w->sym->f_left), id)) {
		TSNode right = scout_node_field(parent, w->sym->f_right);

		if (!ts_node_is_null(right) && ts_node_symbol(right) == w->sym->none &&
		    ts_node_is_null(scout_node_field(parent, w->sym->f_type)) &&
		    !has_type_comment(w, parent))
			return 1;
		return 2;
	}
	if (pt == w->sym->attribute)
		return ts_node_eq(scout_node_field(parent, w->sym->f_attribute), id) ? 3 : 0;
	if (pt == w->sym->keyword_argument)
		return ts_node_eq(scout_node_field(parent, w->sym->f_name), id) ? 3 : 0;
	if (pt == w->sym->augmented_assignment || pt == w->sym->for_statement ||
	    pt == w->sym->for_in_clause)
		return ts_node_eq(scout_node_field(parent, w->sym->f_left), id) ? 2 : 0;
	if (pt == w->sym->named_expression)
		return ts_node_eq(scout_node_field(parent, w->sym->f_name), id) ? 2 : 0;
	if (pt == w->sym->global_statement || pt == w->sym->nonlocal_statement ||
	    pt == w->sym->delete_statement || pt == w->sym->dotted_name ||
	    pt == w->sym->aliased_import || pt == w->sym->function_definition ||
	    pt == w->sym->class_definition || is_pattern(pt) || pt == w->sym->import_statement ||
	    pt == w->sym->import_from_statement)
		return 2;
	return 0;
}

/* Records one identifier occurrence of the body scan. */
static void note_identifier(const scout_walk *w, local_facts *facts, size_t *nfacts, TSNode id,
                            TSNode parent)
{
	int role = identifier_role(w, id, parent);
	local_facts *f = role == 3 ? NULL : facts_for(w, facts, nfacts, id);

	if (!f)
		return;
	if (role == 1 && ts_node_is_null(f->name))
		f->name = id;
	else if (role == 2)
		f->other = true;
	else if (role == 0 && !ts_node_is_null(f->name))
		f->read = true;
}

/* True when nodes [at, end) of the index hold an assignment of None (`x =
 * None`, in any scope): without one there is no local to report. */
static bool assigns_none(const scout_walk *w, uint32_t at, uint32_t end)
{
	const scout_tix_node *nodes = w->tix->nodes;

	for (; at < end; at++)
		if (nodes[at].symbol == w->sym->none &&
		    nodes[nodes[at].parent].symbol == w->sym->assignment)
			return true;
	return false;
}

static void check_inferred_none_local(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body),
	       params = scout_node_field(node, w->sym->f_parameters);
	const scout_tix *tix = w->tix;
	uint32_t at, end;
	local_facts facts[MAX_LOCALS];
	size_t nfacts = 0;
	char message[256];

	if (!scout_tix_subtree(body, &at, &end) || !assigns_none(w, at + 1, end))
		return;
	/* the body's subtree in document order (the body itself skipped), nested
	 * scopes and annotations skipped (a nested def or class binds only its
	 * name here) */
	for (at++; at < end;) {
		const scout_tix_node *e = &tix->nodes[at];
		TSSymbol t = e->symbol;

		if (!e->is_named) {
			at = e->end;
		} else if (t == w->sym->identifier) {
			note_identifier(w, facts, &nfacts, e->node, tix->nodes[e->parent].node);
			at = e->end;
		} else if (t == w->sym->function_definition || t == w->sym->class_definition) {
			TSNode name = scout_defs_name(w, e->node);
			local_facts *f =
			    ts_node_is_null(name) ? NULL : facts_for(w, facts, &nfacts, name);

			if (f)
				f->other = true;
			at = e->end;
		} else if (scout_defs_opens_scope(w, t) || t == w->sym->type) {
			at = e->end;
		} else {
			at++;
		}
	}
	/* parameters are other bindings */
	for (uint32_t i = 0,
	              np = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);
	     i < np; i++) {
		TSNode p = scout_node_named_child(params, i), id = p;
		local_facts *f;

		if (ts_node_symbol(p) != w->sym->identifier)
			id = ts_node_symbol(p) == w->sym->typed_parameter ||
			             ts_node_symbol(p) == w->sym->list_splat_pattern ||
			             ts_node_symbol(p) == w->sym->dictionary_splat_pattern
			         ? scout_node_named_child(p, 0)
			         : scout_defs_name(w, p);
		if (!ts_node_is_null(id) && ts_node_symbol(id) == w->sym->identifier &&
		    (f = fact_named(w, facts, nfacts, id)))
			f->other = true;
	}
	for (size_t k = 0; k < nfacts; k++) {
		if (ts_node_is_null(facts[k].name) || facts[k].other || !facts[k].read)
			continue;
		snprintf(message, sizeof(message),
		         "local %.*s is only ever assigned None and then read: mypyc reports "
		         "\"Local variable \"%.*s\" has inferred type None; add an annotation\"",
		         SCOUT_TEXT_ARG(facts[k].name, w->src),
		         SCOUT_TEXT_ARG(facts[k].name, w->src));
		scout_walk_report(w, self, facts[k].name, message, NULL);
	}
}

static const scout_rule rule_inferred_none_local = {
    .id = "inferred-none-local",
    .category = SCOUT_BLOCKER,
    .title = "local variable only ever assigned None (heuristic)",
    .why = "mypy infers the type None for it and mypyc reports \"Local variable \"{name}\" has "
           "inferred type None; add an annotation\"",
    .bad = "def f() -> None:\n    x = None\n    print(x)\n",
    .good = "def f() -> None:\n    x: Optional[int] = None\n    print(x)\n",
    .fix = "annotate the variable (`x: Optional[int] = None`)",
    .docs = SCOUT_DOCS_TYPES,
    .on = "function_definition",
    .enter = check_inferred_none_local};

/* --- callable-values ------------------------------------------------------------ */

/* A call of the identifier `*arg` as the callee. */
static bool visit_call_of(const scout_walk *w, TSNode n, const void *arg)
{
	const TSNode *name = arg;
	TSNode fn;

	if (ts_node_symbol(n) != w->sym->call)
		return false;
	fn = scout_nodes_field(n, w->sym->f_function);
	return !ts_node_is_null(fn) && ts_node_symbol(fn) == w->sym->identifier &&
	       scout_nodes_same_text(w, fn, *name) &&
	       ts_node_start_byte(n) > ts_node_start_byte(*name);
}

/* True when the head identifier of an attribute chain is bound at module
 * level (an import, a module-level def or variable): such callables are
 * module functions or classes, not cached bound methods. */
static bool module_bound_head(const scout_walk *w, TSNode obj)
{
	char buf[256];
	uint32_t len;
	const char *text;

	while (ts_node_symbol(obj) == w->sym->attribute)
		obj = scout_nodes_field(obj, w->sym->f_object);
	if (ts_node_is_null(obj) || ts_node_symbol(obj) != w->sym->identifier)
		return false;
	text = scout_node_text(obj, w->src, &len);
	if (!scout_names_qualify(w->names, obj, w->src, buf, sizeof(buf)))
		return true;
	return !(scout_str_startswith(buf, "builtins.") && strlen(buf) == 9 + len &&
	         memcmp(buf + 9, text, len) == 0);
}

static void check_callable_values(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1), left, right, obj;
	uint32_t len;
	const char *text;
	char needle[128], message[400];

	if (ts_node_is_null(def))
		return;
	left = scout_nodes_field(node, w->sym->f_left);
	right = scout_nodes_field(node, w->sym->f_right);
	if (ts_node_is_null(left) || ts_node_symbol(left) != w->sym->identifier ||
	    ts_node_is_null(right) || ts_node_symbol(right) != w->sym->attribute ||
	    !ts_node_is_null(scout_nodes_field(node, w->sym->f_type)))
		return;
	obj = scout_nodes_field(right, w->sym->f_object);
	if (ts_node_is_null(obj) || module_bound_head(w, obj))
		return;
	text = scout_node_text(left, w->src, &len);
	if (len + 2 > sizeof(needle))
		return;
	memcpy(needle, text, len);
	needle[len] = '(';
	needle[len + 1] = '\0';
	if (!scout_nodes_contains(w, def, needle, len + 1) ||
	    !scout_defs_scan_body(w, def, UINT32_MAX, visit_call_of, &left))
		return;
	snprintf(message, sizeof(message),
	         "%.*s caches %.*s and is called later: compiled code calls it through the "
	         "generic Python protocol instead of a direct native call",
	         SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(right, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_callable_values = {
    .id = "callable-values",
    .category = SCOUT_SLOW,
    .title = "bound method cached in a local and called",
    .why = "mypyc calls methods of known types directly, but a bound method held in a "
           "variable is called through the generic Python protocol (`append = out.append` "
           "undoes a CPython-only trick); seen: a local assigned `obj.attr` (obj not an "
           "imported module) and then called in the same function",
    .bad = "def collect(n: int) -> list[int]:\n    out: list[int] = []\n    append = "
           "out.append\n    for i in range(n):\n        append(i)\n    return out\n",
    .good = "def collect(n: int) -> list[int]:\n    out: list[int] = []\n    for i in "
            "range(n):\n        out.append(i)\n    return out\n",
    .fix = "call the method on the object directly (obj.method(...))",
    .docs = SCOUT_DOCS_PERF,
    .on = "assignment",
    .enter = check_callable_values};

SCOUT_FAMILY(scout_family_functions_locals, &rule_inferred_none_local, &rule_callable_values);
