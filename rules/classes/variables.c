/* Class and instance variables: class-body defaults, ClassVar and Final
 * declarations, and attribute types a subclass changes -- what compiles
 * but behaves differently in a native class, or is rejected
 * (mypyc/irbuild/classdef.py, prepare.py; mypy's checks mypyc relies on). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* How many ClassVar names of one class body are remembered. */
#define MAX_CLASSVARS 64

static const char *const dataclass_names[] = {"dataclasses.dataclass", NULL};

static const char *const attrs_names[] = {"attr.s", "attr.attrs", NULL};

/* ---- class-body assignments -------------------------------------------------- */

/* The names of module-level `NAME: Final = ...` constants include `name`. */
static bool module_final(const scout_walk *w, TSNode name)
{
	const scout_symbols *s = w->sym;
	TSNode root = w->depth ? w->stack[0] : SCOUT_NULL_NODE;
	uint32_t count = ts_node_is_null(root) ? 0 : scout_node_named_child_count(root), len;
	const char *text = scout_node_text(name, w->src, &len);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(root, i));

		if (!ts_node_is_null(a) &&
		    scout_nodes_text_eq(scout_node_field(a, s->f_left), w->src, text, len) &&
		    scout_defs_annotation_is(w, a, scout_final_names))
			return true;
	}
	return false;
}

/* mypyc's is_constant (irbuild/util.py): literals, -number, tuples of
 * constants, True/False/None and Final names. Iterative over tuples. */
static bool is_constant(const scout_walk *w, TSNode value)
{
	const scout_symbols *s = w->sym;
	TSNode stack[32];
	size_t n = 0;

	stack[n++] = value;
	while (n) {
		TSNode v = stack[--n];
		TSSymbol t = ts_node_symbol(v);

		if (t == s->integer || t == s->float_ || t == s->true_ || t == s->false_ ||
		    t == s->none)
			continue;
		if (t == s->string || t == s->concatenated_string) {
			TSTreeCursor c = ts_tree_cursor_new(v);
			bool interpolated = false;

			/* f-strings are not constants. */
			if (ts_tree_cursor_goto_first_child(&c)) {
				do {
					TSNode k = ts_tree_cursor_current_node(&c);

					if (ts_node_symbol(k) == s->interpolation ||
					    (ts_node_symbol(k) == s->string &&
					     scout_node_named_child_count(k) > 2 &&
					     ts_node_symbol(scout_node_named_child(k, 1)) ==
					         s->interpolation))
						interpolated = true;
				} while (ts_tree_cursor_goto_next_sibling(&c));
			}
			ts_tree_cursor_delete(&c);
			if (interpolated)
				return false;
			continue;
		}
		if (t == s->unary_operator) {
			TSNode op = scout_node_child(v, 0);
			TSSymbol at = ts_node_symbol(scout_node_field(v, s->f_argument));

			if (ts_node_symbol(op) == s->op_minus &&
			    (at == s->integer || at == s->float_))
				continue;
			return false;
		}
		if (t == s->parenthesized_expression && scout_node_named_child_count(v) == 1) {
			stack[n++] = scout_node_named_child(v, 0);
			continue;
		}
		if (t == s->tuple || t == s->expression_list) {
			uint32_t count = scout_node_named_child_count(v);

			for (uint32_t i = 0; i < count; i++) {
				TSNode k = scout_node_named_child(v, i);

				if (ts_node_symbol(k) == s->comment)
					continue;
				if (n == sizeof(stack) / sizeof(*stack))
					return false;
				stack[n++] = k;
			}
			continue;
		}
		if (t == s->identifier && module_final(w, v))
			continue;
		return false;
	}
	return true;
}

static void check_class_default(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode body = scout_node_field(node, s->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	bool record_like = false, checked = false;

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left, right;
		const char *name;
		char message[240];
		int n;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, s->f_left);
		right = scout_node_field(a, s->f_right);
		if (ts_node_is_null(right) || ts_node_symbol(left) != s->identifier ||
		    ts_node_symbol(right) == s->assignment)
			continue;
		n = scout_nodes_clip(left, w->src, &name);
		if (n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' &&
		    name[n - 2] == '_')
			continue; /* __slots__, __deletable__, __match_args__ ... */
		if (scout_defs_annotation_is(w, a, scout_classvar_names) ||
		    scout_defs_annotation_is(w, a, scout_final_names) || is_constant(w, right))
			continue;
		/* A plain (dotted) name gives the same object for every instance:
		 * mypyc still warns, but nothing behaves differently. */
		if (ts_node_symbol(right) == s->identifier || ts_node_symbol(right) == s->attribute)
			continue;
		if (!checked) {
			if (!scout_defs_is_native(w, node))
				return;
			/* @dataclass / @attr.s handle annotated field defaults themselves. */
			record_like =
			    !ts_node_is_null(scout_defs_decorator(w, node, dataclass_names)) ||
			    !ts_node_is_null(scout_defs_decorator(w, node, attrs_names));
			checked = true;
		}
		if (record_like && !ts_node_is_null(scout_node_field(a, s->f_type)))
			continue;
		snprintf(message, sizeof(message),
		         "class-body default of %.*s is not a constant: mypyc warns \"Unsupported "
		         "default attribute value\" and evaluates it per instance",
		         n, name);
		scout_walk_report(w, self, right, message, NULL);
	}
}

static const scout_rule rule_class_default_per_instance = {
    .id = "class-default-per-instance",
    .category = SCOUT_BEHAVIOUR,
    .title = "non-constant class-body default in a native class",
    .why = "mypyc warns \"Unsupported default attribute value\": the value is evaluated for "
           "each instance instead of once (and descriptors stop acting as descriptors)",
    .bad = "class C:\n    items: list[int] = []\n",
    .good = "class C:\n    def __init__(self) -> None:\n        self.items: list[int] = []\n",
    .fix = "assign the default in __init__, or mark a shared value ClassVar",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_class_default};

static void check_dataclass_classvar(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode body = scout_node_field(node, s->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	bool checked = false;

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left;
		const char *name;
		char message[240];
		int n;

		if (ts_node_is_null(a) || !scout_defs_annotation_is(w, a, scout_classvar_names))
			continue;
		if (!checked) {
			if (ts_node_is_null(scout_defs_decorator(w, node, dataclass_names)) ||
			    !scout_defs_is_native(w, node))
				return;
			checked = true;
		}
		left = scout_node_field(a, s->f_left);
		n = scout_nodes_clip(left, w->src, &name);
		snprintf(message, sizeof(message),
		         "ClassVar %.*s of a native dataclass is treated as a field: instances "
		         "raise AttributeError (read-only attribute)",
		         n, name);
		scout_walk_report(w, self, left, message, NULL);
	}
}

static const scout_rule rule_dataclass_classvar = {
    .id = "dataclass-classvar",
    .category = SCOUT_BEHAVIOUR,
    .title = "ClassVar in a native @dataclass",
    .why = "mypyc treats the ClassVar as a field: instances raise \"AttributeError: ... "
           "attribute '...' is read-only\" (mypyc/mypyc#740)",
    .bad = "@dataclass\nclass C:\n    x: int\n    count: ClassVar[int] = 0\n",
    .good = "COUNT = 0\n\n@dataclass\nclass C:\n    x: int\n",
    .fix = "move the class-level value to a module-level variable",
    .docs = "https://github.com/mypyc/mypyc/issues/740",
    .on = "class_definition",
    .enter = check_dataclass_classvar};

/* Reports the identifier n when it reads one of the ClassVars seen so far
 * by bare name (not as an attribute, not as a keyword). */
static void report_classvar_read(scout_walk *w, const scout_rule *self, const scout_tix_node *e,
                                 const TSNode *vars, size_t nvars)
{
	const scout_symbols *s = w->sym;
	TSNode n = e->node, parent = w->tix->nodes[e->parent].node;
	uint32_t len;
	const char *text = scout_node_text(n, w->src, &len);
	char message[240];

	if ((ts_node_symbol(parent) == s->attribute &&
	     !ts_node_eq(scout_node_field(parent, s->f_object), n)) ||
	    (ts_node_symbol(parent) == s->keyword_argument &&
	     ts_node_eq(scout_node_field(parent, s->f_name), n)))
		return;
	for (size_t i = 0; i < nvars; i++)
		if (scout_nodes_text_eq(vars[i], w->src, text, len)) {
			snprintf(message, sizeof(message),
			         "class body reads ClassVar %.*s by bare name: the compiled class "
			         "raises KeyError at import",
			         len > 80 ? 80 : (int)len, text);
			scout_walk_report(w, self, n, message, NULL);
			return;
		}
}

/* Reports the identifiers in `value` (not inside lambdas) that read one of
 * the ClassVars seen so far. */
static void report_classvar_reads(scout_walk *w, const scout_rule *self, TSNode value,
                                  const TSNode *vars, size_t nvars)
{
	const scout_tix *tix = w->tix;
	uint32_t at, end;

	if (!scout_tix_subtree(value, &at, &end))
		return;
	while (at < end) {
		const scout_tix_node *e = &tix->nodes[at];

		if (e->symbol == w->sym->lambda) {
			at = e->end;
			continue;
		}
		if (e->symbol == w->sym->identifier)
			report_classvar_read(w, self, e, vars, nvars);
		at++;
	}
}

static void check_classvar_self_reference(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode body = scout_node_field(node, s->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	TSNode vars[MAX_CLASSVARS];
	size_t nvars = 0;

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left, right;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, s->f_left);
		right = scout_node_field(a, s->f_right);
		/* Native and non-native classes alike (mypyc 1.0.1 oracle). */
		if (nvars && !ts_node_is_null(right))
			report_classvar_reads(w, self, right, vars, nvars);
		if (ts_node_symbol(left) == s->identifier && nvars < MAX_CLASSVARS &&
		    scout_defs_annotation_is(w, a, scout_classvar_names))
			vars[nvars++] = left;
	}
}

static const scout_rule rule_classvar_self_reference_in_body = {
    .id = "classvar-self-reference-in-body",
    .category = SCOUT_BEHAVIOUR,
    .title = "class body reading an earlier ClassVar by bare name",
    .why = "the compiled class body looks the name up in the wrong namespace: importing the "
           "module raises KeyError (mypyc/mypyc#862, fixed in 1.20.0)",
    .bad = "class A:\n    a: ClassVar[int] = 1\n    b: ClassVar[int] = a\n",
    .good = "A_DEFAULT: Final = 1\n\nclass A:\n    a: ClassVar[int] = A_DEFAULT\n"
            "    b: ClassVar[int] = A_DEFAULT\n",
    .fix = "compute the value from a module-level constant instead of the earlier ClassVar",
    .docs = "https://github.com/mypyc/mypyc/issues/862",
    .until = SCOUT_V(1, 20, 0),
    .on = "class_definition",
    .enter = check_classvar_self_reference};

/* ---- Final instance attributes ---------------------------------------------- */

static void check_final_instance_attr(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode left = scout_node_field(node, s->f_left), obj, fn = SCOUT_NULL_NODE, params;
	TSNode cls = SCOUT_NULL_NODE;
	uint32_t up;
	char message[240];
	const char *name;
	int n;

	if (ts_node_symbol(left) != s->attribute ||
	    !scout_defs_annotation_is(w, node, scout_final_names))
		return;
	obj = scout_node_field(left, s->f_object);
	if (ts_node_symbol(obj) != s->identifier)
		return;
	for (up = 1; up < w->depth; up++) {
		fn = scout_walk_ancestor(w, up);
		if (ts_node_symbol(fn) == s->function_definition)
			break;
	}
	if (up >= w->depth)
		return;
	/* The function must be a method: its parent chain is block < class. */
	{
		TSNode p = scout_walk_ancestor(w, up + 1);
		uint32_t k = up + 1;

		if (ts_node_symbol(p) == s->decorated_definition)
			p = scout_walk_ancestor(w, ++k);
		if (ts_node_is_null(p) || ts_node_symbol(p) != s->block)
			return;
		cls = scout_walk_ancestor(w, k + 1);
	}
	if (ts_node_is_null(cls) || ts_node_symbol(cls) != s->class_definition)
		return;
	params = scout_node_field(fn, s->f_parameters);
	if (ts_node_is_null(params) || !scout_node_named_child_count(params) ||
	    !scout_nodes_text_eq(scout_node_named_child(params, 0), w->src,
	                         w->src + ts_node_start_byte(obj),
	                         ts_node_end_byte(obj) - ts_node_start_byte(obj)) ||
	    !scout_defs_is_native(w, cls))
		return;
	n = scout_nodes_clip(scout_node_field(left, s->f_attribute), w->src, &name);
	snprintf(message, sizeof(message),
	         "Final instance attribute %.*s is read-only at run time in compiled code: "
	         "assigning it later (which mypy rejects) raises AttributeError",
	         n, name);
	scout_walk_report(w, self, left, message, NULL);
}

static const scout_rule rule_final_instance_attr_readonly = {
    .id = "final-instance-attr-readonly",
    .category = SCOUT_INFO,
    .title = "Final instance attribute (read-only at run time)",
    .why = "since mypyc 2.3 a `self.x: Final` attribute of a native class cannot be assigned "
           "again from any code",
    .bad = "class C:\n    def __init__(self) -> None:\n        self.x: Final = 1\n",
    .good = "class C:\n    def __init__(self) -> None:\n        self.x: Final = 1  # set once, "
            "never reassigned\n",
    .fix = "nothing to change for type-checked code (mypy rejects the reassignment too); a "
           "test that reassigns it should build a new instance instead",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(2, 3, 0),
    .on = "assignment",
    .enter = check_final_instance_attr};

/* --- attribute types --------------------------------------------------------- */

/* The type of a class-body declaration as comparable text (whitespace and
 * quotes dropped): the annotation, or the type of a literal value. False
 * when unknown, or a ClassVar/Final (not an instance attribute). */
static bool declared_type(const scout_walk *w, TSNode assignment, char *buf, size_t cap)
{
	TSNode type = scout_node_field(assignment, w->sym->f_type);
	TSNode value = scout_node_field(assignment, w->sym->f_right);
	const char *text;
	uint32_t len;
	size_t j = 0;

	if (ts_node_is_null(type)) {
		const char *lit = NULL;
		TSSymbol t = ts_node_is_null(value) ? 0 : ts_node_symbol(value);

		if (t == 0)
			return false;
		if (t == w->sym->integer)
			lit = "int";
		else if (t == w->sym->true_ || t == w->sym->false_)
			lit = "bool";
		else if (t == w->sym->string)
			lit = "str";
		else if (t == w->sym->float_)
			lit = "float";
		if (!lit)
			return false;
		snprintf(buf, cap, "%s", lit);
		return true;
	}
	if (scout_defs_annotation_is(w, assignment, scout_classvar_names) ||
	    scout_defs_annotation_is(w, assignment, scout_final_names))
		return false;
	text = scout_node_text(type, w->src, &len);
	for (uint32_t i = 0; i < len; i++) {
		char c = text[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\' || c == '"' ||
		    c == '\'')
			continue;
		if (j + 1 >= cap)
			return false;
		buf[j++] = c;
	}
	buf[j] = '\0';
	return j > 0;
}

/* The first class-body assignment to `name` in `cls` with a known type. */
static TSNode find_declaration(const scout_walk *w, TSNode cls, TSNode name, char *buf, size_t cap)
{
	TSNode body = scout_node_field(cls, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body), len;
	const char *text = scout_node_text(name, w->src, &len);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left;
		uint32_t llen;
		const char *ltext;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, w->sym->f_left);
		if (ts_node_is_null(left) || ts_node_symbol(left) != w->sym->identifier)
			continue;
		ltext = scout_node_text(left, w->src, &llen);
		if (llen == len && memcmp(ltext, text, len) == 0 && declared_type(w, a, buf, cap))
			return a;
	}
	return SCOUT_NULL_NODE;
}

static void check_attr_type_conflict(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body), name = scout_defs_name(w, node);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char mine[128], theirs[128], message[512];

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
		return;
	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left;
		TSNode todo[SCOUT_DEFS_MAX_CHAIN], bases[SCOUT_DEFS_MAX_BASES];
		size_t ntodo = 0, visited = 0;
		uint32_t n;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, w->sym->f_left);
		if (ts_node_is_null(left) || ts_node_symbol(left) != w->sym->identifier ||
		    !declared_type(w, a, mine, sizeof(mine)))
			continue;
		n = scout_class_bases(w, node, bases, SCOUT_DEFS_MAX_BASES);
		for (uint32_t j = 0; j < n && ntodo < SCOUT_DEFS_MAX_CHAIN; j++) {
			TSNode b = scout_module_class_of(w, bases[j]);

			if (!ts_node_is_null(b))
				todo[ntodo++] = b;
		}
		while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
			TSNode c = todo[--ntodo], decl;

			if (scout_class_kind_of(w, c) != SCOUT_CLASS_NATIVE)
				continue;
			decl = find_declaration(w, c, left, theirs, sizeof(theirs));
			if (!ts_node_is_null(decl)) {
				if (strcmp(mine, theirs) == 0)
					break;
				snprintf(
				    message, sizeof(message),
				    "class %.*s declares %.*s as %s but its base %.*s declares "
				    "it as %s: mypyc rejects a different attribute type in a "
				    "subclass",
				    SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(left, w->src),
				    mine, SCOUT_TEXT_ARG(scout_defs_name(w, c), w->src), theirs);
				scout_walk_report(w, self, a, message, NULL);
				break;
			}
			n = scout_class_bases(w, c, bases, SCOUT_DEFS_MAX_BASES);
			for (uint32_t j = 0; j < n && ntodo < SCOUT_DEFS_MAX_CHAIN; j++) {
				TSNode b = scout_module_class_of(w, bases[j]);

				if (!ts_node_is_null(b))
					todo[ntodo++] = b;
			}
		}
	}
}

static const scout_rule rule_attr_type_conflict_with_base = {
    .id = "attr-type-conflict-with-base",
    .category = SCOUT_BLOCKER,
    .title = "subclass re-declares a base attribute with another type",
    .why = "mypyc reports \"Type of \\\"{attr}\\\" is incompatible with definition in class "
           "\\\"{base}\\\"\" since 1.1.1; 1.0.1 generated invalid C (duplicate member); "
           "compares annotation texts of same-module bases",
    .bad = "class Base:\n    x: int\n\n\nclass Bad1(Base):\n    x: bool\n",
    .good = "class Base:\n    x: int\n\n\nclass Good(Base):\n    x: int\n",
    .fix = "declare the attribute with the base class's type (or only in the base)",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_attr_type_conflict};

SCOUT_FAMILY(scout_family_classes_variables, &rule_class_default_per_instance,
             &rule_dataclass_classvar, &rule_classvar_self_reference_in_body,
             &rule_final_instance_attr_readonly, &rule_attr_type_conflict_with_base);
