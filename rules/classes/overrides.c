/* Class-body assignments that override a base class member with a value of
 * another type, the error hidden by `# type: ignore`. Before mypy 1.16 the
 * checker returned from the assignment as soon as the override check
 * failed (mypy/checker.py, check_assignment: "We hit an error on this
 * line; don't check for any others"), so the variable never got a type;
 * the ignore lets mypyc run, and mypyc stops on `assert node.node.type,
 * "Class member %s missing type"` (mypyc/irbuild/prepare.py) for a native
 * class. python/mypy#18847 (1.16) moved the override check and the
 * variable gets its type.
 *
 * Seen from the syntax: `name = value  # type: ignore` (bare, or with the
 * `assignment` code) in a module-level native class, where name is a
 * member of object or of a base class of this module, and value cannot
 * have the member's type: a literal (None, a number, a string, a display)
 * for a method; for an annotated attribute, None where the annotation has
 * no None or Optional, or a literal of another builtin type. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* The methods every class has from object (typeshed's builtins.pyi). */
static const char *const object_methods[] = {
    "__init__",         "__new__",    "__setattr__",   "__delattr__", "__eq__",
    "__ne__",           "__str__",    "__repr__",      "__hash__",    "__format__",
    "__sizeof__",       "__reduce__", "__reduce_ex__", "__dir__",     "__init_subclass__",
    "__getattribute__", NULL};

/* True when the statement's trailing comment is `# type: ignore` that
 * covers the `assignment` code (bare, or naming it). */
static bool ignores_assignment(const scout_walk *w, TSNode stmt)
{
	TSNode next = scout_node_next_sibling(stmt);
	uint32_t len;
	const char *text, *end;

	if (!scout_nodes_is(next, w->sym->comment) ||
	    ts_node_start_point(next).row != ts_node_end_point(stmt).row)
		return false;
	text = scout_node_text(next, w->src, &len);
	end = text + len;
	for (text++; text < end && (*text == ' ' || *text == '\t'); text++)
		;
	if (end - text < 5 || memcmp(text, "type:", 5) != 0)
		return false;
	for (text += 5; text < end && (*text == ' ' || *text == '\t'); text++)
		;
	if (end - text < 6 || memcmp(text, "ignore", 6) != 0)
		return false;
	text += 6;
	if (text == end || *text != '[')
		return text == end || *text == ' ' || *text == '\t' || *text == '#';
	return scout_mem_contains(text, (size_t)(end - text), "assignment", 10);
}

/* True for literal values: None, numbers, strings, booleans, displays. */
static bool is_literal(const scout_walk *w, TSNode v)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = ts_node_is_null(v) ? 0 : ts_node_symbol(v);

	return t && (t == s->none || t == s->integer || t == s->float_ || t == s->string ||
	             t == s->concatenated_string || t == s->true_ || t == s->false_ ||
	             t == s->list || t == s->tuple);
}

/* The builtin type name a literal has ("int", "str", ...), or NULL. */
static const char *literal_type(const scout_walk *w, TSNode v)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = ts_node_symbol(v);

	if (t == s->integer)
		return "int";
	if (t == s->float_)
		return "float";
	if (t == s->string || t == s->concatenated_string)
		return scout_nodes_str_literal(w, v) ? "str" : NULL;
	if (t == s->true_ || t == s->false_)
		return "bool";
	return NULL;
}

/* True when a value cannot have the type of an attribute annotated `type`:
 * None where the annotation names neither None nor Optional, or a literal
 * whose builtin type is not the (plain builtin) annotation. */
static bool mismatches(const scout_walk *w, TSNode type, TSNode v)
{
	const char *lit;

	if (scout_nodes_is(v, w->sym->none))
		return !scout_nodes_contains(w, type, "None", 4) &&
		       !scout_nodes_contains(w, type, "Optional", 8) &&
		       !scout_nodes_contains(w, type, "Any", 3) &&
		       !scout_nodes_contains(w, type, "object", 6);
	lit = literal_type(w, v);
	if (!lit)
		return false;
	if (scout_node_text_is(type, w->src, "int") || scout_node_text_is(type, w->src, "str") ||
	    scout_node_text_is(type, w->src, "bytes") || scout_node_text_is(type, w->src, "bool"))
		return !scout_node_text_is(type, w->src, lit) &&
		       !(strcmp(lit, "bool") == 0 && scout_node_text_is(type, w->src, "int"));
	if (scout_node_text_is(type, w->src, "float"))
		return strcmp(lit, "str") == 0;
	return false;
}

/* The member `name` of class cls's own body: *type its annotation (null
 * for a def or an unannotated assignment); 1 a def, 2 an attribute, 0 none. */
static int member_of(const scout_walk *w, TSNode cls, TSNode name, TSNode *type)
{
	TSNode body = scout_nodes_field(cls, w->sym->f_body);
	uint32_t n = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);

	for (uint32_t i = 0; i < n; i++) {
		TSNode stmt = scout_node_named_child(body, i), d = scout_defs_undecorate(w, stmt),
		       a = scout_defs_assignment(w, stmt);

		if (scout_nodes_is(d, w->sym->function_definition) &&
		    scout_nodes_same_text(w, scout_defs_name(w, d), name)) {
			*type = SCOUT_NULL_NODE;
			return 1;
		}
		if (!ts_node_is_null(a) &&
		    scout_nodes_same_text(w, scout_nodes_field(a, w->sym->f_left), name)) {
			*type = scout_node_field(a, w->sym->f_type);
			return 2;
		}
	}
	return 0;
}

/* True when `name = value` in cls cannot have the type of the member name
 * of a base: a same-module base up the chain, or object. */
static bool overrides_incompatibly(const scout_walk *w, TSNode cls, TSNode name, TSNode value)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN], type;
	size_t ntodo = 0, visited = 0;

	scout_defs_push_bases(w, cls, todo, &ntodo);
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode base = todo[--ntodo];
		int kind = member_of(w, base, name, &type);

		if (kind == 1)
			return is_literal(w, value);
		if (kind == 2)
			return !ts_node_is_null(type) && mismatches(w, type, value);
		scout_defs_push_bases(w, base, todo, &ntodo);
	}
	for (const char *const *m = object_methods; *m; m++)
		if (scout_node_text_is(name, w->src, *m))
			return is_literal(w, value);
	/* object's __doc__: str | None, __module__: str */
	if (scout_node_text_is(name, w->src, "__doc__") ||
	    scout_node_text_is(name, w->src, "__module__")) {
		const char *lit = is_literal(w, value) ? literal_type(w, value) : NULL;

		if (scout_nodes_is(value, w->sym->none))
			return scout_node_text_is(name, w->src, "__module__");
		return is_literal(w, value) && !(lit && strcmp(lit, "str") == 0);
	}
	return false;
}

static void check_ignored_incompatible_override(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_nodes_field(node, w->sym->f_body);
	uint32_t n = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char message[320];
	const char *c;
	int nc;

	if (!scout_defs_at_module_level(w, node) || !scout_defs_is_native(w, node))
		return;
	nc = scout_nodes_clip(scout_defs_name(w, node), w->src, &c);
	for (uint32_t i = 0; i < n; i++) {
		TSNode stmt = scout_node_named_child(body, i), a = scout_defs_assignment(w, stmt),
		       left = scout_nodes_field(a, w->sym->f_left),
		       right = scout_nodes_field(a, w->sym->f_right);

		if (!scout_nodes_is(left, w->sym->identifier) || ts_node_is_null(right) ||
		    !ts_node_is_null(scout_node_field(a, w->sym->f_type)) ||
		    scout_nodes_is(right, w->sym->assignment) || !ignores_assignment(w, stmt) ||
		    !overrides_incompatibly(w, node, left, right))
			continue;
		snprintf(
		    message, sizeof(message),
		    "%.*s of native class %.*s overrides a base member with another type under "
		    "`# type: ignore`: mypy leaves it without a type and mypyc stops with "
		    "\"Class member %.*s missing type\"",
		    SCOUT_TEXT_ARG(left, w->src), nc, c, SCOUT_TEXT_ARG(left, w->src));
		scout_walk_report(w, self, stmt, message, NULL);
	}
}

static const scout_rule rule_ignored_incompatible_override = {
    .id = "ignored-incompatible-override",
    .category = SCOUT_BLOCKER,
    .title = "class member overriding a base member with another type under # type: ignore",
    .why = "before mypy 1.16 an assignment in a class body that fails the check against a "
           "base class's member (object's __hash__, __eq__, ... included) is left without a "
           "type; `# type: ignore` hides mypy's error, and mypyc stops with \"Class member "
           "{name} missing type\" (mypyc/irbuild/prepare.py) in a native class",
    .bad = "class Key:\n    __hash__ = None  # type: ignore\n",
    .good = "from typing import ClassVar\n\n\nclass Key:\n    __hash__: ClassVar[None]  # type: "
            "ignore[assignment]\n",
    .fix = "declare the member with an annotation (`__hash__: ClassVar[None]  # type: "
           "ignore[assignment]`), or keep the base's type",
    .docs = SCOUT_DOCS_NATIVE,
    .until = SCOUT_V(1, 16, 0),
    .on = "class_definition",
    .enter = check_ignored_incompatible_override};

SCOUT_FAMILY(scout_family_classes_overrides, &rule_ignored_incompatible_override);
