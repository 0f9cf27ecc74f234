/* __deletable__: the attributes a native class lets `del` remove, how the
 * list must be written, and `del obj.attr` of attributes it does not list
 * (mypyc/irbuild/prepare.py, statement.py transform_del_item). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* What this file memoises in the walk (scout/walk.h). */
static const scout_memo_tag memo_attr_facts = {"a __deletable__ item's attribute facts"};
static const scout_memo_tag memo_attr_done = {"a class_definition whose item facts are memoised"};

static const char *const property_names[] = {"builtins.property", "functools.cached_property",
                                             NULL};

/* The `__deletable__ = ...` assignment in a class body, or null. */
static TSNode deletable_assignment(const scout_walk *w, TSNode class_def)
{
	const scout_symbols *s = w->sym;
	scout_children it = scout_children_of(scout_node_field(class_def, s->f_body));

	while (scout_children_next(&it)) {
		TSNode a = scout_defs_assignment(w, it.node);

		if (!ts_node_is_null(a) &&
		    scout_node_text_is(scout_node_field(a, s->f_left), w->src, "__deletable__") &&
		    !ts_node_is_null(scout_node_field(a, s->f_right))) {
			scout_children_close(&it);
			return a;
		}
	}
	return SCOUT_NULL_NODE;
}

/* The list or tuple display of a `__deletable__` assignment, or null. */
static TSNode deletable_items(const scout_walk *w, TSNode assignment)
{
	const scout_symbols *s = w->sym;
	TSNode v = scout_node_field(assignment, s->f_right);
	TSSymbol t = ts_node_symbol(v);

	if (t == s->list || t == s->tuple || t == s->expression_list)
		return v;
	return SCOUT_NULL_NODE;
}

enum { ATTR_DEFINED = 1, ATTR_PROPERTY = 2, ATTR_FINAL = 4, ATTR_METHOD = 8 };

/* An attribute name asked about, and what attr_facts found for it. */
typedef struct attr_query {
	const char *name;
	uint32_t len;
	unsigned facts;
	bool skip;    /* while a def of this name is looked into */
	TSNode final; /* the first assignment that declares it Final, or null */
} attr_query;

/* `self.name = ...` (and `name = ...` in a class body): an assignment's
 * facts for each query whose name `target` spells. */
static void assignment_facts(const scout_walk *w, TSNode a, TSNode target, attr_query *q, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (q[k].skip || !scout_nodes_text_eq(target, w->src, q[k].name, q[k].len))
			continue;
		q[k].facts |= ATTR_DEFINED;
		if (!scout_defs_annotation_is(w, a, scout_final_names))
			continue;
		q[k].facts |= ATTR_FINAL;
		if (ts_node_is_null(q[k].final))
			q[k].final = a;
	}
}

/* The `self.name = ...` assignments anywhere in a method's body. */
static void method_facts(const scout_walk *w, TSNode def, attr_query *q, size_t n)
{
	const scout_symbols *s = w->sym;
	TSNode params = scout_node_field(def, s->f_parameters), self_param, mbody;
	const char *self_name;
	uint32_t self_len, at, end;
	const scout_tix *tix = w->tix;

	if (ts_node_is_null(params) || !scout_node_named_child_count(params))
		return;
	self_param = scout_node_named_child(params, 0);
	if (ts_node_symbol(self_param) != s->identifier)
		return;
	self_name = scout_node_text(self_param, w->src, &self_len);
	mbody = scout_node_field(def, s->f_body);
	if (ts_node_is_null(mbody))
		return;
	scout_tix_subtree(mbody, &at, &end);
	for (; at < end; at++) {
		TSNode node = tix->nodes[at].node, left;

		if (tix->nodes[at].symbol != s->assignment)
			continue;
		left = scout_node_field(node, s->f_left);
		if (ts_node_symbol(left) == s->attribute &&
		    scout_nodes_text_eq(scout_node_field(left, s->f_object), w->src, self_name,
		                        self_len))
			assignment_facts(w, node, scout_node_field(left, s->f_attribute), q, n);
	}
}

/* A def's facts: a method or property named like a query, or else (for
 * the other queries) the `self.name = ...` assignments in its body. */
static void def_facts(const scout_walk *w, TSNode def, attr_query *q, size_t n)
{
	TSNode name = scout_node_field(def, w->sym->f_name);
	size_t named = 0;

	for (size_t k = 0; k < n; k++) {
		q[k].skip = scout_nodes_text_eq(name, w->src, q[k].name, q[k].len);
		if (!q[k].skip)
			continue;
		named++;
		q[k].facts |= ts_node_is_null(scout_defs_decorator(w, def, property_names))
		                  ? ATTR_METHOD
		                  : ATTR_PROPERTY;
	}
	if (named < n)
		method_facts(w, def, q, n);
	for (size_t k = 0; k < n; k++)
		q[k].skip = false;
}

/* What class_def's own body says about each queried attribute: class-body
 * assignments, `self.name = ...` in its methods, defs and properties. One
 * pass for all the queries. */
static void attr_facts_many(const scout_walk *w, TSNode class_def, attr_query *q, size_t n)
{
	const scout_symbols *s = w->sym;
	scout_children it = scout_children_of(scout_node_field(class_def, s->f_body));

	while (scout_children_next(&it)) {
		TSNode a = scout_defs_assignment(w, it.node), def = it.node;

		if (!ts_node_is_null(a)) {
			assignment_facts(w, a, scout_node_field(a, s->f_left), q, n);
			continue;
		}
		if (ts_node_symbol(def) == s->decorated_definition)
			def = scout_node_field(def, s->f_definition);
		if (!ts_node_is_null(def) && ts_node_symbol(def) == s->function_definition)
			def_facts(w, def, q, n);
	}
}

static unsigned attr_facts(const scout_walk *w, TSNode class_def, const char *name, uint32_t len)
{
	attr_query q = {name, len, 0, false, SCOUT_NULL_NODE};

	attr_facts_many(w, class_def, &q, 1);
	return q.facts;
}

/* How many __deletable__ items get their facts from one shared pass. */
#define MAX_ITEMS 64

/* Memoises the facts of the first MAX_ITEMS string items of class_def's
 * __deletable__, found in one pass over the class. */
static void memo_items(const scout_walk *w, TSNode class_def)
{
	TSNode a = deletable_assignment(w, class_def), items, nodes[MAX_ITEMS];
	attr_query q[MAX_ITEMS];
	scout_children it;
	size_t n = 0;

	scout_walk_memo_put(w, class_def, &memo_attr_done, 1);
	if (ts_node_is_null(a) || ts_node_is_null(items = deletable_items(w, a)))
		return;
	it = scout_children_of(items);
	while (n < MAX_ITEMS && scout_children_next(&it)) {
		if (!scout_nodes_str_content(w, it.node, &q[n].name, &q[n].len))
			continue;
		q[n].facts = 0;
		q[n].skip = false;
		q[n].final = SCOUT_NULL_NODE;
		nodes[n++] = it.node;
	}
	scout_children_close(&it);
	if (!n)
		return;
	attr_facts_many(w, class_def, q, n);
	for (size_t k = 0; k < n; k++)
		scout_walk_memo_put(w, nodes[k], &memo_attr_facts, q[k].facts);
}

/* attr_facts of a __deletable__ item of class_def, memoised for the walk. */
static unsigned item_facts(const scout_walk *w, TSNode class_def, TSNode item, const char *name,
                           uint32_t len)
{
	uint32_t v;

	if (!scout_walk_memo_get(w, class_def, &memo_attr_done, &v))
		memo_items(w, class_def);
	if (scout_walk_memo_get(w, item, &memo_attr_facts, &v))
		return v;
	return attr_facts(w, class_def, name, len);
}

static void check_deletable_shape(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode a = deletable_assignment(w, node);
	scout_mypy_error e = {NULL, 0, 0};
	uint32_t column;

	if (ts_node_is_null(a) || !ts_node_is_null(deletable_items(w, a)))
		return;
	/* mypy's semantic analyser reports on the statement's (first) line */
	scout_walk_node_start(w, a, &e.first_line, &column);
	scout_walk_report_mypy(
	    w, self, scout_node_field(a, w->sym->f_right), &e, 1,
	    "__deletable__ is not a list or tuple display, which mypy rejects when "
	    "compiling with mypyc",
	    NULL);
}

static const scout_rule rule_deletable_not_literal_list = {
    .id = "deletable-not-literal-list",
    .category = SCOUT_BLOCKER,
    .title = "__deletable__ not given as a list or tuple display",
    .why = "mypy reports \"\\\"__deletable__\\\" must be initialized with a list or tuple "
           "expression\"  [misc] (on the assignment's first line) when compiling with mypyc",
    .bad = "NAMES = [\"x\"]\n\nclass C:\n    x: int\n    __deletable__ = NAMES\n",
    .good = "class C:\n    x: int\n    __deletable__ = [\"x\"]\n",
    .fix = "write the names out as a list display in the class body",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_shape,
    .mypy_codes = "misc"};

/* What each_deletable calls for an item: its text when it is a string. */
typedef void (*item_fn)(scout_walk *w, TSNode class_def, TSNode item, const char *name,
                        uint32_t len, const scout_rule *self);

/* Calls `fn` for each item of a class's __deletable__ display: its string
 * items (strings true), or its other items, comments aside (strings false). */
static void each_deletable(scout_walk *w, TSNode class_def, const scout_rule *self, bool strings,
                           item_fn fn)
{
	TSNode a = deletable_assignment(w, class_def), items;
	scout_children it;

	if (ts_node_is_null(a) || ts_node_is_null(items = deletable_items(w, a)))
		return;
	it = scout_children_of(items);
	while (scout_children_next(&it)) {
		TSNode item = it.node;
		const char *t = NULL;
		uint32_t l = 0;

		if (strings ? scout_nodes_str_content(w, item, &t, &l)
		            : ts_node_symbol(item) != w->sym->comment &&
		                  !scout_nodes_str_content(w, item, &t, &l))
			fn(w, class_def, item, t, l, self);
	}
}

static void non_str_item(scout_walk *w, TSNode class_def, TSNode item, const char *name,
                         uint32_t len, const scout_rule *self)
{
	(void)class_def;
	(void)name;
	(void)len;
	scout_walk_report(w, self, item,
	                  "a __deletable__ item is not a string literal, which mypy rejects "
	                  "when compiling with mypyc",
	                  NULL);
}

static void check_deletable_item(scout_walk *w, TSNode node, const scout_rule *self)
{
	each_deletable(w, node, self, false, non_str_item);
}

static const scout_rule rule_deletable_item_not_str = {
    .id = "deletable-item-not-str",
    .category = SCOUT_BLOCKER,
    .title = "__deletable__ item that is not a string literal",
    .why = "mypy reports \"Invalid \\\"__deletable__\\\" item; string literal expected\"  "
           "[misc] on the item's line",
    .bad = "X = \"x\"\n\nclass C:\n    x: int\n    __deletable__ = [X]\n",
    .good = "class C:\n    x: int\n    __deletable__ = [\"x\"]\n",
    .fix = "write each attribute name as a string literal",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_item,
    .mypy_codes = "misc"};

static void undefined_item(scout_walk *w, TSNode class_def, TSNode item, const char *name,
                           uint32_t len, const scout_rule *self)
{
	unsigned facts = item_facts(w, class_def, item, name, len);
	char message[240];
	int n = len > 60 ? 60 : (int)len;

	if (facts & ATTR_PROPERTY)
		snprintf(message, sizeof(message),
		         "\"%.*s\" in __deletable__ is a property: mypyc reports \"Cannot make "
		         "property deletable\"",
		         n, name);
	else if (!(facts & ATTR_DEFINED))
		snprintf(message, sizeof(message),
		         "\"%.*s\" in __deletable__ is not an attribute defined in this class, so "
		         "mypyc rejects it",
		         n, name);
	else
		return;
	scout_walk_report(w, self, item, message, NULL);
}

static void check_deletable_undefined(scout_walk *w, TSNode node, const scout_rule *self)
{
	if (!ts_node_is_null(deletable_assignment(w, node)) && scout_defs_is_native(w, node))
		each_deletable(w, node, self, true, undefined_item);
}

static const scout_rule rule_deletable_undefined = {
    .id = "deletable-undefined",
    .category = SCOUT_BLOCKER,
    .title = "__deletable__ names something that is not an attribute of the class",
    .why = "mypyc reports \"Attribute \\\"{attr}\\\" not defined\" or \"Cannot make property "
           "\\\"{attr}\\\" deletable\"",
    .bad = "class C:\n    __deletable__ = [\"z\"]\n    x: int\n",
    .good = "class C:\n    __deletable__ = [\"x\"]\n    x: int\n",
    .fix = "list only attributes declared or assigned in this class itself",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_undefined};

static void final_item(scout_walk *w, TSNode class_def, TSNode item, const char *name, uint32_t len,
                       const scout_rule *self)
{
	char message[200];
	attr_query q = {name, len, 0, false, SCOUT_NULL_NODE};
	scout_mypy_error e = {NULL, 0, 0};
	uint32_t column;

	if (!(item_facts(w, class_def, item, name, len) & ATTR_FINAL))
		return;
	/* mypy's checker reports on the attribute's Var: the line of its Final
	 * declaration */
	attr_facts_many(w, class_def, &q, 1);
	if (!ts_node_is_null(q.final))
		scout_walk_node_start(w, q.final, &e.first_line, &column);
	snprintf(message, sizeof(message),
	         "Final attribute \"%.*s\" is listed in __deletable__: mypy reports \"Deletable "
	         "attribute cannot be final\"",
	         len > 60 ? 60 : (int)len, name);
	scout_walk_report_mypy(w, self, item, &e, 1, message, NULL);
}

static void check_deletable_final(scout_walk *w, TSNode node, const scout_rule *self)
{
	each_deletable(w, node, self, true, final_item);
}

static const scout_rule rule_deletable_final = {
    .id = "deletable-final",
    .category = SCOUT_BLOCKER,
    .title = "Final attribute listed in __deletable__",
    .why = "mypy reports \"Deletable attribute cannot be final\"  [misc] on the line that "
           "declares the Final attribute (not on the __deletable__ item)",
    .bad = "class C:\n    x: Final = 1\n    __deletable__ = [\"x\"]\n",
    .good = "class C:\n    x: int = 1\n    __deletable__ = [\"x\"]\n",
    .fix = "drop Final from the attribute or remove it from __deletable__",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_final,
    .mypy_codes = "misc"};

/* True when `name` is listed in the __deletable__ of class_def. */
static bool lists_deletable(const scout_walk *w, TSNode class_def, TSNode attr)
{
	TSNode a = deletable_assignment(w, class_def), items;
	uint32_t count, len;
	const char *name = scout_node_text(attr, w->src, &len);

	if (ts_node_is_null(a))
		return false;
	if (ts_node_is_null(items = deletable_items(w, a)))
		return true; /* not a display: another rule; do not guess */
	count = scout_node_named_child_count(items);
	for (uint32_t i = 0; i < count; i++) {
		const char *t;
		uint32_t l;

		if (scout_nodes_str_content(w, scout_node_named_child(items, i), &t, &l) &&
		    l == len && memcmp(t, name, len) == 0)
			return true;
	}
	return false;
}

/* The same-module class that `obj` (an identifier) is an instance of in the
 * nearest enclosing function: its first parameter in a method, or a
 * parameter annotated with a class of this module. Null when unknown. */
static TSNode instance_class(const scout_walk *w, TSNode obj)
{
	const scout_symbols *s = w->sym;
	TSNode fn = SCOUT_NULL_NODE, params;
	uint32_t up, count;

	for (up = 1; up < w->depth; up++) {
		fn = scout_walk_ancestor(w, up);
		if (ts_node_symbol(fn) == s->function_definition ||
		    ts_node_symbol(fn) == s->class_definition)
			break;
	}
	if (up >= w->depth || ts_node_symbol(fn) != s->function_definition)
		return SCOUT_NULL_NODE;
	params = scout_node_field(fn, s->f_parameters);
	count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);
	for (uint32_t i = 0; i < count; i++) {
		TSNode p = scout_node_named_child(params, i), name = p, type = SCOUT_NULL_NODE;

		if (ts_node_symbol(p) == s->typed_parameter) {
			name = scout_node_named_child(p, 0);
			type = scout_node_field(p, s->f_type);
		}
		if (ts_node_symbol(name) != s->identifier ||
		    !scout_nodes_text_eq(name, w->src, w->src + ts_node_start_byte(obj),
		                         ts_node_end_byte(obj) - ts_node_start_byte(obj)))
			continue;
		if (!ts_node_is_null(type)) {
			if (scout_node_named_child_count(type))
				type = scout_node_named_child(type, 0);
			return scout_module_class_of(w, type);
		}
		if (i == 0) {
			/* The first parameter of a method of a module-level class. */
			TSNode p1 = scout_walk_ancestor(w, up + 1), cls;
			uint32_t k = up + 1;

			if (ts_node_symbol(p1) == s->decorated_definition)
				p1 = scout_walk_ancestor(w, ++k);
			if (ts_node_symbol(p1) != s->block)
				return SCOUT_NULL_NODE;
			cls = scout_walk_ancestor(w, k + 1);
			if (ts_node_symbol(cls) != s->class_definition ||
			    !ts_node_is_null(scout_defs_decorator(w, fn, scout_staticmethod_names)))
				return SCOUT_NULL_NODE;
			return cls;
		}
		return SCOUT_NULL_NODE;
	}
	return SCOUT_NULL_NODE;
}

/* True when `attr` may be deleted on instances of class_def: listed in the
 * __deletable__ of the class or a same-module base, or unknown (a base from
 * another module, a property). */
static bool deletable_in_chain(const scout_walk *w, TSNode class_def, TSNode attr)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, seen = 0;
	uint32_t len;
	const char *name = scout_node_text(attr, w->src, &len);

	todo[ntodo++] = class_def;
	while (ntodo && seen < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo], b;
		uint32_t i = 0;

		seen++;
		if (lists_deletable(w, c, attr) ||
		    attr_facts(w, c, name, len) & (ATTR_PROPERTY | ATTR_METHOD))
			return true;
		while (!ts_node_is_null(b = scout_defs_base_at(w, c, &i))) {
			TSNode base = scout_module_class_of(w, b), id = b;
			char buf[128];

			if (!ts_node_is_null(base)) {
				if (ntodo < SCOUT_DEFS_MAX_CHAIN)
					todo[ntodo++] = base;
				continue;
			}
			if (ts_node_symbol(id) == w->sym->subscript)
				id = scout_node_field(id, w->sym->f_value);
			if (!w->names ||
			    !scout_names_qualify(w->names, id, w->src, buf, sizeof(buf)) ||
			    strncmp(buf, "builtins.", 9) != 0)
				return true; /* a base from elsewhere: unknown */
		}
	}
	return false;
}

static void check_del_attr(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	uint32_t count = scout_node_named_child_count(node);

	for (uint32_t i = 0; i < count; i++) {
		TSNode t = scout_node_named_child(node, i);
		uint32_t n = 1;

		if (ts_node_symbol(t) == s->expression_list) {
			n = scout_node_named_child_count(t);
		}
		for (uint32_t j = 0; j < n; j++) {
			TSNode target = n == 1 && ts_node_symbol(t) != s->expression_list
			                    ? t
			                    : scout_node_named_child(t, j);
			TSNode obj, attr, cls;
			char message[240];
			const char *name;
			int len;

			if (ts_node_symbol(target) != s->attribute)
				continue;
			obj = scout_node_field(target, s->f_object);
			attr = scout_node_field(target, s->f_attribute);
			if (ts_node_symbol(obj) != s->identifier)
				continue;
			cls = instance_class(w, obj);
			if (ts_node_is_null(cls) || !scout_defs_is_native(w, cls) ||
			    deletable_in_chain(w, cls, attr))
				continue;
			len = scout_nodes_clip(attr, w->src, &name);
			snprintf(
			    message, sizeof(message),
			    "attribute \"%.*s\" of a native class is not in its __deletable__: "
			    "mypyc reports \"\\\"%.*s\\\" cannot be deleted\"",
			    len, name, len, name);
			scout_walk_report(w, self, target, message, NULL);
		}
	}
}

static const scout_rule rule_del_nondeletable_attr = {
    .id = "del-nondeletable-attr",
    .category = SCOUT_BLOCKER,
    .title = "del of a native-class attribute not listed in __deletable__",
    .why = "mypyc reports \"\\\"{attr}\\\" cannot be deleted\"",
    .bad = "class C:\n    def __init__(self) -> None:\n        self.y = 1\n\n"
           "    def drop(self) -> None:\n        del self.y\n",
    .good = "class C:\n    __deletable__ = [\"y\"]\n\n    def __init__(self) -> None:\n"
            "        self.y = 1\n\n    def drop(self) -> None:\n        del self.y\n",
    .fix = "add the attribute to the class's __deletable__ list",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "delete_statement",
    .enter = check_del_attr};

SCOUT_FAMILY(scout_family_classes_deletable, &rule_deletable_not_literal_list,
             &rule_deletable_item_not_str, &rule_deletable_undefined, &rule_deletable_final,
             &rule_del_nondeletable_attr);
