/* Rule family: functions -- what mypyc rejects or runs differently inside
 * and around function definitions: assignments to cls, object.__new__,
 * async generators, inferred None locals, singledispatch, native __get__,
 * and the run-time introspection compiled functions do not support
 * (mypyc/irbuild/builder.py, statement.py, specialize.py, prepare.py;
 * differences_from_python.rst). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "registry.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nodes pending in one function-body scan (deeper nesting is skipped). */
#define SCAN_STACK 512
/* Local names tracked per function by inferred-none-local. */
#define MAX_LOCALS 64

static bool has_function_ancestor(const scout_walk *w, uint32_t from)
{
	for (uint32_t up = from; up < w->depth; up++)
		if (scout_walk_ancestor_symbol(w, up) == w->sym->function_definition)
			return true;
	return false;
}

/* The first parameter's name node of `def`, or null. */
static TSNode first_parameter(const scout_walk *w, TSNode def)
{
	TSNode params = scout_node_field(def, w->sym->f_parameters);
	uint32_t count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);

	for (uint32_t i = 0; i < count; i++) {
		TSNode p = scout_node_named_child(params, i);
		TSSymbol t = ts_node_symbol(p);

		if (t == w->sym->comment)
			continue;
		if (t == w->sym->identifier)
			return p;
		if (t == w->sym->typed_parameter) {
			TSNode id = scout_node_named_child(p, 0); /* or *args: the splat */

			return ts_node_symbol(id) == w->sym->identifier ? id : SCOUT_NULL_NODE;
		}
		if (t == w->sym->default_parameter || t == w->sym->typed_default_parameter)
			return scout_defs_name(w, p);
		return SCOUT_NULL_NODE; /* *args, /, * first: no cls */
	}
	return SCOUT_NULL_NODE;
}

static bool opens_scope(const scout_walk *w, TSNode n)
{
	return scout_defs_opens_scope(w, ts_node_symbol(n));
}

/* --- assignments to cls -------------------------------------------------------- */

/* The node that binds names when `n` is an assignment target of some kind
 * (for mypyc's get_assignment_target): assignment left sides (all == true:
 * also augmented assignments, for/with/except/walrus targets). */
static bool binds(const scout_walk *w, TSNode parent, TSNode child, bool all)
{
	TSSymbol pt = ts_node_symbol(parent);

	if (pt == w->sym->assignment)
		return ts_node_eq(scout_node_field(parent, w->sym->f_left), child);
	if (!all)
		return false;
	if (pt == w->sym->augmented_assignment || pt == w->sym->for_statement)
		return ts_node_eq(scout_node_field(parent, w->sym->f_left), child);
	if (scout_nodes_is(parent, w->sym->named_expression))
		return ts_node_eq(scout_node_field(parent, w->sym->f_name), child);
	return scout_nodes_is(parent, w->sym->as_pattern_target);
}

/* Identifiers named like `name` inside the target `target` (through tuple
 * and list targets; starred ones too when `starred`). Reports each. */
static void report_target(scout_walk *w, TSNode target, TSNode name, bool starred,
                          const scout_rule *self, const char *message)
{
	TSNode todo[32];
	size_t ntodo = 0;

	todo[ntodo++] = target;
	while (ntodo) {
		TSNode n = todo[--ntodo];
		TSSymbol t = ts_node_symbol(n);
		uint32_t count;

		if (t == w->sym->identifier) {
			if (scout_nodes_same_text(w, n, name))
				scout_walk_report(w, self, n, message, NULL);
			continue;
		}
		if (t == w->sym->list_splat_pattern || scout_nodes_is(n, w->sym->list_splat)) {
			if (!starred)
				continue;
		} else if (!(scout_nodes_is(n, w->sym->pattern_list) ||
		             t == w->sym->tuple_pattern ||
		             scout_nodes_is(n, w->sym->list_pattern) ||
		             scout_nodes_is(n, w->sym->tuple) || scout_nodes_is(n, w->sym->list) ||
		             scout_nodes_is(n, w->sym->parenthesized_expression) ||
		             scout_nodes_is(n, w->sym->as_pattern_target))) {
			continue;
		}
		count = scout_node_named_child_count(n);
		for (uint32_t i = count; i-- > 0 && ntodo < 32;)
			todo[ntodo++] = scout_node_named_child(n, i);
	}
}

/* Scans the body of `def` (not nested scopes) for targets binding the name
 * of `param`. */
static void scan_param_assignments(scout_walk *w, TSNode def, TSNode param, bool all,
                                   const scout_rule *self, const char *message)
{
	TSNode body = scout_node_field(def, w->sym->f_body), todo[SCAN_STACK];
	size_t ntodo = 0;

	if (ts_node_is_null(body))
		return;
	todo[ntodo++] = body;
	while (ntodo) {
		TSNode n = todo[--ntodo];
		uint32_t count = scout_node_named_child_count(n);

		for (uint32_t i = count; i-- > 0;) {
			TSNode c = scout_node_named_child(n, i);

			if (binds(w, n, c, all)) {
				report_target(w, c, param, all, self, message);
				continue;
			}
			if (!opens_scope(w, c) && scout_node_named_child_count(c) &&
			    ntodo < SCAN_STACK)
				todo[ntodo++] = c;
		}
	}
}

static bool is_classmethod(const scout_walk *w, TSNode def)
{
	TSNode name = scout_defs_name(w, def);

	/* implicit classmethods (mypy/semanal.py prepare_method_signature) */
	if (scout_node_text_is(name, w->src, "__init_subclass__") ||
	    scout_node_text_is(name, w->src, "__class_getitem__"))
		return true;
	return scout_class_has_decorator(w, def, scout_classmethod_names);
}

static void check_classmethod_cls_assign(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode param;
	char message[256];

	if (ts_node_is_null(scout_defs_method_class(w, node)) || !is_classmethod(w, node))
		return;
	param = first_parameter(w, node);
	if (ts_node_is_null(param))
		return;
	snprintf(message, sizeof(message),
	         "assignment to %.*s, the first argument of classmethod %.*s: mypyc reports "
	         "\"Cannot assign to the first argument of classmethod\"",
	         SCOUT_TEXT_ARG(param, w->src), SCOUT_TEXT_ARG(scout_defs_name(w, node), w->src));
	scan_param_assignments(w, node, param, true, self, message);
}

static const scout_rule rule_classmethod_cls_assign = {
    .id = "classmethod-cls-assign",
    .category = SCOUT_BLOCKER,
    .title = "assignment to the cls argument of a classmethod",
    .why = "mypyc reports \"Cannot assign to the first argument of classmethod\"",
    .bad = "class C:\n    @classmethod\n    def make(cls) -> None:\n        cls = other_class()\n",
    .good = "class C:\n    @classmethod\n    def make(cls) -> None:\n        target = "
            "other_class()\n",
    .fix = "assign to a new local name instead of cls",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .since = SCOUT_V(1, 2, 0),
    .on = "function_definition",
    .enter = check_classmethod_cls_assign};

static void check_new_cls_assign(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = scout_defs_method_class(w, node), param;
	char message[256];

	if (ts_node_is_null(cls) ||
	    !scout_node_text_is(scout_defs_name(w, node), w->src, "__new__") ||
	    scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return;
	param = first_parameter(w, node);
	if (ts_node_is_null(param))
		return;
	snprintf(message, sizeof(message),
	         "assignment to %.*s, the first argument of __new__: mypyc reports \"Assignment to "
	         "argument \"%.*s\" in \"__new__\" method unsupported\"",
	         SCOUT_TEXT_ARG(param, w->src), SCOUT_TEXT_ARG(param, w->src));
	scan_param_assignments(w, node, param, false, self, message);
}

static const scout_rule rule_new_cls_assign = {
    .id = "new-cls-assign",
    .category = SCOUT_BLOCKER,
    .title = "assignment to the cls argument of __new__",
    .why = "mypyc reports \"Assignment to argument \"cls\" in \"__new__\" method "
           "unsupported\" (it would break its lowering of object.__new__ calls)",
    .bad = "class C:\n    def __new__(cls) -> \"C\":\n        cls = C\n        return "
           "object.__new__(cls)\n",
    .good = "class C:\n    def __new__(cls) -> \"C\":\n        return object.__new__(cls)\n",
    .fix = "assign to a new local name instead of the first argument of __new__",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 19, 0),
    .on = "function_definition",
    .enter = check_new_cls_assign};

/* --- object.__new__(...) argument count --------------------------------------- */

static void check_object_new_argcount(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_node_field(node, w->sym->f_function), obj, def, cls, args;
	uint32_t count, n = 0;
	char message[256];

	if (ts_node_symbol(fn) != w->sym->attribute ||
	    !scout_node_text_is(scout_node_field(fn, w->sym->f_attribute), w->src, "__new__"))
		return;
	obj = scout_node_field(fn, w->sym->f_object);
	if (!(scout_walk_is(w, obj, scout_object_names) ||
	      (ts_node_symbol(obj) == w->sym->call &&
	       scout_node_text_is(scout_node_field(obj, w->sym->f_function), w->src, "super"))))
		return;
	def = scout_defs_enclosing_function(w, 1);
	if (ts_node_is_null(def) || !scout_node_text_is(scout_defs_name(w, def), w->src, "__new__"))
		return;
	cls = scout_defs_method_class(w, def);
	if (ts_node_is_null(cls) || scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return;
	args = scout_node_field(node, w->sym->f_arguments);
	count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);
	for (uint32_t i = 0; i < count; i++)
		n += ts_node_symbol(scout_node_named_child(args, i)) != w->sym->comment;
	if (n == 1)
		return;
	snprintf(message, sizeof(message),
	         "%.*s(...) with %u arguments in __new__: mypyc reports \"\"object.__new__()\" "
	         "supported only with 1 argument, got %u\"",
	         SCOUT_TEXT_ARG(fn, w->src), n, n);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_object_new_argcount = {
    .id = "object-new-argcount",
    .category = SCOUT_BLOCKER,
    .title = "object.__new__/super().__new__ in __new__ with other than one argument",
    .why = "mypyc reports \"\"object.__new__()\" supported only with 1 argument, got {N}\"",
    .bad = "class C:\n    def __new__(cls, *args: int) -> \"C\":\n        return "
           "super().__new__(cls, *args)\n",
    .good = "class C:\n    def __new__(cls, *args: int) -> \"C\":\n        return "
            "super().__new__(cls)\n",
    .fix = "call object.__new__(cls) / super().__new__(cls) with cls only",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 19, 0),
    .on = "call",
    .enter = check_object_new_argcount,
    .callees = scout_new_callees};

/* --- async generators -------------------------------------------------------- */

static void check_async_generator(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1);
	char message[256];

	if (ts_node_is_null(def) || !scout_defs_is_async(w, def))
		return;
	snprintf(message, sizeof(message),
	         "yield in async def %.*s makes it an async generator: mypyc reports \"async "
	         "generators are unimplemented\"",
	         SCOUT_TEXT_ARG(scout_defs_name(w, def), w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_async_generator = {
    .id = "async-generator",
    .category = SCOUT_BLOCKER,
    .title = "yield inside async def (async generator)",
    .why = "mypyc reports \"async generators are unimplemented\"",
    .bad = "async def numbers() -> AsyncIterator[int]:\n    yield 1\n",
    .good = "async def numbers() -> list[int]:\n    return [1]\n",
    .fix = "return a list (or a sync iterator), or write an async iterator class with "
           "__aiter__/__anext__",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .since = SCOUT_V(0, 920, 0),
    .on = "yield",
    .enter = check_async_generator};

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

/* Parent types that identifier_role knows by name, per symbol: named
 * expressions, nonlocal statements, and patterns (any type whose name has
 * "pattern" in it). Symbols past the table (ERROR) are none of these. */
enum { ROLE_WALRUS = 1, ROLE_NONLOCAL = 2, ROLE_PATTERN = 4 };
static uint8_t *role_types;
static uint32_t nrole_types;
static pthread_once_t role_types_once = PTHREAD_ONCE_INIT;

static uint8_t role_of_type(const TSLanguage *lang, TSSymbol t)
{
	const char *name = ts_language_symbol_name(lang, t);

	return (strcmp(name, "named_expression") == 0 ? ROLE_WALRUS : 0) |
	       (strcmp(name, "nonlocal_statement") == 0 ? ROLE_NONLOCAL : 0) |
	       (strstr(name, "pattern") ? ROLE_PATTERN : 0);
}

static void build_role_types(void)
{
	role_types = scout_symbol_bytes(role_of_type, &nrole_types);
}

static unsigned role_type(TSSymbol t)
{
	pthread_once(&role_types_once, build_role_types);
	return t < nrole_types ? role_types[t] : 0;
}

/* What an identifier occurrence does, from its parent: 0 read, 1 `x = None`
 * (unannotated), 2 another binding or declaration, 3 not a variable use. */
static int identifier_role(const scout_walk *w, TSNode id, TSNode parent)
{
	TSSymbol pt = ts_node_symbol(parent);
	unsigned rt = role_type(pt);

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
	if (rt & ROLE_WALRUS)
		return ts_node_eq(scout_node_field(parent, w->sym->f_name), id) ? 2 : 0;
	if (pt == w->sym->global_statement || rt & ROLE_NONLOCAL ||
	    pt == w->sym->delete_statement || pt == w->sym->dotted_name ||
	    pt == w->sym->aliased_import || pt == w->sym->function_definition ||
	    pt == w->sym->class_definition || rt & ROLE_PATTERN || pt == w->sym->import_statement ||
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
    .docs = "https://mypyc.readthedocs.io/en/latest/using_type_annotations.html",
    .on = "function_definition",
    .enter = check_inferred_none_local};

/* --- singledispatch ------------------------------------------------------------ */

static const char *const singledispatch_names[] = {"functools.singledispatch", NULL};

/* True when `block` (a module or block) directly holds a decorated
 * singledispatch def named like `name`, before `before`. */
static bool holds_singledispatch(const scout_walk *w, TSNode block, TSNode name, TSNode before)
{
	uint32_t count = ts_node_is_null(block) ? 0 : scout_node_named_child_count(block);

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(block, i), def;

		if (ts_node_start_byte(c) >= ts_node_start_byte(before))
			break;
		if (ts_node_symbol(c) != w->sym->decorated_definition)
			continue;
		def = scout_node_field(c, w->sym->f_definition);
		if (ts_node_symbol(def) == w->sym->function_definition &&
		    scout_nodes_same_text(w, scout_defs_name(w, def), name) &&
		    scout_class_has_decorator(w, def, singledispatch_names))
			return true;
	}
	return false;
}

/* True when `decorator` is `@f.register` / `@f.register(T)` for a
 * singledispatch function f of this module (module level, or a sibling
 * definition in the same block). */
static bool is_register(const scout_walk *w, TSNode decorator, TSNode decorated)
{
	TSNode e = scout_defs_decorator_callee(w, decorator), obj;

	if (ts_node_symbol(e) != w->sym->attribute ||
	    !scout_node_text_is(scout_node_field(e, w->sym->f_attribute), w->src, "register"))
		return false;
	obj = scout_node_field(e, w->sym->f_object);
	if (ts_node_symbol(obj) != w->sym->identifier)
		return false;
	return holds_singledispatch(w, w->stack[0], obj, decorated) ||
	       holds_singledispatch(w, scout_node_parent(decorated), obj, decorated);
}

static void check_decorator_after_register(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	TSNode last_other = SCOUT_NULL_NODE;
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(node, i);

		if (ts_node_symbol(d) != w->sym->decorator)
			continue;
		if (!is_register(w, d, node)) {
			last_other = d;
			continue;
		}
		if (ts_node_is_null(last_other))
			continue;
		snprintf(message, sizeof(message),
		         "decorator %.*s is applied after %.*s: mypyc reports \"Calling decorator "
		         "after registering function not supported\"",
		         SCOUT_TEXT_ARG(last_other, w->src), SCOUT_TEXT_ARG(d, w->src));
		scout_walk_report(w, self, last_other, message, NULL);
		return;
	}
}

static const scout_rule rule_singledispatch_decorator_after_register = {
    .id = "singledispatch-decorator-after-register",
    .category = SCOUT_BLOCKER,
    .title = "decorator above @f.register on a singledispatch implementation",
    .why = "mypyc reports \"Calling decorator after registering function not supported\"",
    .bad = "@singledispatch\ndef show(arg: object) -> str:\n    return "
           "\"?\"\n\n@trace\n@show.register\ndef _(arg: int) -> str:\n    return \"int\"\n",
    .good = "@singledispatch\ndef show(arg: object) -> str:\n    return "
            "\"?\"\n\n@show.register\n@trace\ndef _(arg: int) -> str:\n    return \"int\"\n",
    .fix = "put @f.register outermost (above the other decorators)",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .since = SCOUT_V(0, 920, 0),
    .on = "decorated_definition",
    .enter = check_decorator_after_register};

static void check_singledispatch_nested(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	TSNode def = scout_node_field(node, w->sym->f_definition);
	char message[256];

	if (ts_node_symbol(def) != w->sym->function_definition || !has_function_ancestor(w, 1))
		return;
	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(node, i);

		if (ts_node_symbol(d) != w->sym->decorator ||
		    !scout_walk_is(w, scout_defs_decorator_callee(w, d), singledispatch_names))
			continue;
		snprintf(
		    message, sizeof(message),
		    "singledispatch function %.*s is nested in another function: mypyc reports "
		    "\"Nested singledispatch functions not supported\"",
		    SCOUT_TEXT_ARG(scout_defs_name(w, def), w->src));
		scout_walk_report(w, self, d, message, NULL);
	}
}

static const scout_rule rule_singledispatch_nested = {
    .id = "singledispatch-nested",
    .category = SCOUT_BLOCKER,
    .title = "@singledispatch on a nested function",
    .why = "mypyc reports \"Nested singledispatch functions not supported\" (since 1.18.1; "
           "older mypyc crashed with KeyError)",
    .bad = "def outer() -> None:\n    @singledispatch\n    def inner(arg: object) -> None:\n  "
           "      pass\n",
    .good = "@singledispatch\ndef inner(arg: object) -> None:\n    pass\n\ndef outer() -> "
            "None:\n    inner(1)\n",
    .fix = "define the singledispatch function at module level",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "decorated_definition",
    .enter = check_singledispatch_nested};

static void check_register_nested(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	char message[256];

	if (!has_function_ancestor(w, 1))
		return;
	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(node, i);

		if (ts_node_symbol(d) != w->sym->decorator || !is_register(w, d, node))
			continue;
		snprintf(message, sizeof(message),
		         "%.*s registers a nested function: mypyc reports \"Registering nested "
		         "functions not supported\"",
		         SCOUT_TEXT_ARG(d, w->src));
		scout_walk_report(w, self, d, message, NULL);
	}
}

static const scout_rule rule_singledispatch_register_nested = {
    .id = "singledispatch-register-nested",
    .category = SCOUT_BLOCKER,
    .title = "@f.register on a nested function",
    .why = "mypyc reports \"Registering nested functions not supported\" (since 1.18.1; "
           "older mypyc crashed with KeyError)",
    .bad = "@singledispatch\ndef f(arg: object) -> str:\n    return \"object\"\n\ndef outer() "
           "-> None:\n    @f.register\n    def _(arg: int) -> str:\n        return \"int\"\n",
    .good = "@singledispatch\ndef f(arg: object) -> str:\n    return "
            "\"object\"\n\n@f.register\ndef _(arg: int) -> str:\n    return \"int\"\n",
    .fix = "register the implementation at module level",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "decorated_definition",
    .enter = check_register_nested};

/* --- native __get__ returning an unboxed value ---------------------------------- */

static void check_dunder_get_return(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode ret = scout_node_field(node, w->sym->f_return_type), cls, t;
	char message[256];

	if (ts_node_is_null(ret) ||
	    !scout_node_text_is(scout_defs_name(w, node), w->src, "__get__"))
		return;
	cls = scout_defs_method_class(w, node);
	if (ts_node_is_null(cls) || scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return;
	t = ts_node_symbol(ret) == w->sym->type ? scout_node_named_child(ret, 0) : ret;
	if (!scout_walk_is(w, t, scout_value_type_names))
		return;
	snprintf(message, sizeof(message),
	         "__get__ of native class %.*s returns %.*s unboxed: the generated descriptor "
	         "wrapper does not box it, and the C compiler rejects the module",
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src), SCOUT_TEXT_ARG(t, w->src));
	scout_walk_report(w, self, ret, message, NULL);
}

static const scout_rule rule_dunder_get_unboxed_return = {
    .id = "dunder-get-unboxed-return",
    .category = SCOUT_BLOCKER,
    .title = "native __get__ returning int, float, bool or a native int",
    .why = "the generated tp_descr_get wrapper returns the unboxed C value as PyObject*, so "
           "gcc fails (\"returning 'CPyTagged' ... from a function with return type "
           "'PyObject *'\")",
    .bad = "class Desc:\n    def __get__(self, obj: Any, owner: Any) -> int:\n        return "
           "1\n",
    .good = "class Desc:\n    def __get__(self, obj: Any, owner: Any) -> object:\n        "
            "return 1\n",
    .fix = "annotate __get__ to return object (or a boxed type such as Optional[int])",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .on = "function_definition",
    .enter = check_dunder_get_return};

/* --- run-time introspection ------------------------------------------------------ */

static uint32_t argument_count(const scout_walk *w, TSNode call)
{
	return scout_nodes_argument_count(w, scout_node_field(call, w->sym->f_arguments));
}

static const char *const frames[] = {
    "sys._getframe",          "sys._getframemodulename", "inspect.currentframe",
    "inspect.stack",          "traceback.extract_stack", "traceback.print_stack",
    "traceback.format_stack", "traceback.walk_stack",    NULL};
static const char *const locals[] = {"builtins.locals", NULL};
static const char *const vars[] = {"builtins.vars", NULL};
static const char *const evals[] = {"builtins.eval", "builtins.exec", NULL};
static const char *const *const frame_callees[] = {frames, locals, vars, evals, NULL};

static void check_frame_introspection(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_node_field(node, w->sym->f_function);
	const char *effect;
	char message[256];

	if (ts_node_is_null(fn) ||
	    (ts_node_symbol(fn) != w->sym->identifier && ts_node_symbol(fn) != w->sym->attribute))
		return;
	if (scout_walk_is(w, fn, locals) ||
	    (scout_walk_is(w, fn, vars) && argument_count(w, node) == 0))
		effect = "returns the locals of the calling Python frame, not of this compiled "
		         "function";
	else if (scout_walk_is(w, fn, evals) && argument_count(w, node) < 2)
		effect = "runs in the namespace of the calling Python frame, not of this "
		         "compiled function";
	else if (scout_walk_is(w, fn, frames))
		effect = "sees no frames for compiled functions (they do not create Python "
		         "frames)";
	else
		return;
	snprintf(message, sizeof(message), "%.*s() %s", SCOUT_TEXT_ARG(fn, w->src), effect);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_frame_introspection = {
    .id = "frame-introspection",
    .category = SCOUT_BEHAVIOUR,
    .title = "locals(), frame access, eval/exec without namespaces",
    .why = "compiled functions have no Python frames: locals() and eval/exec without "
           "explicit namespaces see the caller's frame, sys._getframe() and "
           "inspect.currentframe() return the caller's frame",
    .bad = "def f() -> dict:\n    x = 1\n    return locals()\n",
    .good = "def f() -> dict:\n    x = 1\n    return {\"x\": x}\n",
    .fix = "pass the values explicitly (a dict, or eval/exec with explicit globals and "
           "locals) instead of reading frames",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "call",
    .enter = check_frame_introspection,
    .callees = frame_callees};

static const char *const hooks[] = {"sys.settrace",
                                    "sys.setprofile",
                                    "threading.settrace",
                                    "threading.setprofile",
                                    "threading.settrace_all_threads",
                                    "threading.setprofile_all_threads",
                                    "sys.monitoring.register_callback",
                                    "sys.monitoring.set_events",
                                    "cProfile.run",
                                    "cProfile.runctx",
                                    "cProfile.Profile",
                                    "profile.run",
                                    "profile.runctx",
                                    "profile.Profile",
                                    "trace.Trace",
                                    "coverage.Coverage",
                                    "coverage.coverage",
                                    "coverage.process_startup",
                                    NULL};
static const char *const *const hook_callees[] = {hooks, NULL};

static void check_profiling_tracing(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_node_field(node, w->sym->f_function);
	char message[256];

	if (ts_node_symbol(fn) != w->sym->identifier && ts_node_symbol(fn) != w->sym->attribute)
		return;
	if (!scout_walk_is(w, fn, hooks))
		return;
	snprintf(message, sizeof(message),
	         "%.*s(): profilers, tracers and coverage tools do not see compiled functions",
	         SCOUT_TEXT_ARG(fn, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_profiling_tracing = {
    .id = "profiling-tracing",
    .category = SCOUT_BEHAVIOUR,
    .title = "profilers, tracers and coverage hooks",
    .why = "sys.setprofile/settrace hooks, cProfile, profile, trace and coverage do not see "
           "compiled functions",
    .bad = "import cProfile\n\ncProfile.run(\"main()\")\n",
    .good = "import time\n\nstart = time.perf_counter()\nmain()\nprint(time.perf_counter() - "
            "start)\n",
    .fix = "profile the interpreted module (or time it from outside); use a native profiler "
           "such as perf for compiled code",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "call",
    .enter = check_profiling_tracing,
    .callees = hook_callees};

static const char *const debuggers[] = {
    "builtins.breakpoint", "pdb.set_trace",      "pdb.Pdb", "pdb.run",        "pdb.runcall",
    "pdb.runeval",         "pdb.post_mortem",    "pdb.pm",  "ipdb.set_trace", "ipdb.post_mortem",
    "pudb.set_trace",      "debugpy.breakpoint", NULL};
static const char *const *const debugger_callees[] = {debuggers, NULL};

static void check_debugger(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_node_field(node, w->sym->f_function);
	char message[256];

	if (ts_node_symbol(fn) != w->sym->identifier && ts_node_symbol(fn) != w->sym->attribute)
		return;
	if (!scout_walk_is(w, fn, debuggers))
		return;
	snprintf(message, sizeof(message),
	         "%.*s(): debuggers cannot set breakpoints in or step through compiled functions",
	         SCOUT_TEXT_ARG(fn, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_debugger = {
    .id = "debugger",
    .category = SCOUT_BEHAVIOUR,
    .title = "breakpoint() and pdb in compiled code",
    .why = "debuggers cannot set breakpoints in or step through compiled functions",
    .bad = "def f(x: int) -> int:\n    breakpoint()\n    return x\n",
    .good = "def f(x: int) -> int:\n    return x\n",
    .fix = "remove the breakpoint, and debug the module interpreted",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "call",
    .enter = check_debugger,
    .callees = debugger_callees};

/* --- if __name__ == "__main__": ------------------------------------------------ */

static bool is_main_string(const scout_walk *w, TSNode n)
{
	return ts_node_symbol(n) == w->sym->string &&
	       (scout_node_text_is(n, w->src, "\"__main__\"") ||
	        scout_node_text_is(n, w->src, "'__main__'"));
}

static void check_run_as_script(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cond = scout_node_field(node, w->sym->f_condition), a, b;

	if (scout_walk_ancestor_symbol(w, 1) != w->sym->module ||
	    !scout_nodes_is(cond, w->sym->comparison_operator) ||
	    scout_node_child_count(cond) != 3 ||
	    !scout_node_text_is(scout_node_child(cond, 1), w->src, "=="))
		return;
	a = scout_node_named_child(cond, 0);
	b = scout_node_named_child(cond, 1);
	if (!((scout_node_text_is(a, w->src, "__name__") && is_main_string(w, b)) ||
	      (scout_node_text_is(b, w->src, "__name__") && is_main_string(w, a))))
		return;
	scout_walk_report(w, self, node,
	                  "this `__main__` block runs only interpreted: a compiled module cannot "
	                  "be run as a script (`python -m` fails, `python file.py` runs the "
	                  "source)",
	                  NULL);
}

static const scout_rule rule_run_as_script = {
    .id = "run-as-script",
    .category = SCOUT_BEHAVIOUR,
    .title = "if __name__ == \"__main__\": block in a compiled module",
    .why = "compiled modules cannot be run with `python -m`, and `python mod.py` runs the "
           "interpreted source, so the block only ever runs interpreted",
    .bad = "def main() -> None:\n    print(\"hi\")\n\nif __name__ == \"__main__\":\n    "
           "main()\n",
    .good = "def main() -> None:\n    print(\"hi\")\n",
    .fix = "move the entry point into a small uncompiled module (e.g. __main__.py or a "
           "console_scripts entry point) that imports this one",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "if_statement",
    .enter = check_run_as_script};

SCOUT_FAMILY(scout_family_functions, &rule_classmethod_cls_assign, &rule_new_cls_assign,
             &rule_object_new_argcount, &rule_async_generator, &rule_inferred_none_local,
             &rule_singledispatch_decorator_after_register, &rule_singledispatch_nested,
             &rule_singledispatch_register_nested, &rule_dunder_get_unboxed_return,
             &rule_frame_introspection, &rule_profiling_tracing, &rule_debugger,
             &rule_run_as_script);
