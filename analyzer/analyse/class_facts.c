/* Collects each module-level class's facts during the walk, for the project
 * class index that the link stage checks across modules. */
#include "scout/class_facts.h"

#include <stdlib.h>
#include <string.h>

#include "scout/class_kind.h"
#include "scout/stdlib.h"

#define MAX_BASES 16

static const char *const classvar_names[] = {"typing.ClassVar", "typing_extensions.ClassVar", NULL};
static const char *const final_names[] = {"typing.Final", "typing_extensions.Final", NULL};

static bool is_module_level(const scout_walk *w)
{
	TSNode parent = scout_walk_ancestor(w, 1);

	if (!ts_node_is_null(parent) && ts_node_symbol(parent) == w->sym->decorated_definition)
		parent = scout_walk_ancestor(w, 2);
	return !ts_node_is_null(parent) && ts_node_symbol(parent) == w->sym->module;
}

static char *qualified_base(const scout_walk *w, TSNode base)
{
	char buf[512];

	if (!scout_names_qualify(w->names, scout_base_name(w, base), w->src, buf, sizeof(buf)))
		return scout_strdup("");
	return scout_strdup(buf);
}

static bool allows_interpreted(const scout_walk *w, TSNode class_def)
{
	TSNode v = scout_mypyc_attr_value(w, class_def, "allow_interpreted_subclasses");

	return !ts_node_is_null(v) && scout_node_text_is(v, w->src, "True");
}

/* The outer name of an annotation: `ClassVar` of `ClassVar[int]`. */
static TSNode annotation_head(const scout_walk *w, TSNode type)
{
	TSNode e;

	if (ts_node_is_null(type) || !scout_node_named_child_count(type))
		return type;
	e = ts_node_symbol(type) == w->sym->type ? scout_node_named_child(type, 0) : type;
	if (ts_node_symbol(e) == w->sym->subscript)
		return scout_node_field(e, w->sym->f_value);
	if (strcmp(ts_node_type(e), "generic_type") == 0 && scout_node_named_child_count(e))
		return scout_node_named_child(e, 0);
	return e;
}

/* The attributes being collected for one class: c's array, whether each
 * was annotated, and a hash of their names (index + 1, 0 empty; the table
 * has at least twice as many slots as the body has statements). */
typedef struct attr_set {
	scout_class_info *c;
	uint32_t cap;
	bool *annotated_seen;
	uint32_t *slots;
	size_t mask;
} attr_set;

/* Sets the kind of `name` in the class: a def wins, then the first
 * annotation, then a plain assignment (as rules/classes/attributes.c decides
 * per module). */
static void add_attr(attr_set *set, const char *name, uint32_t len, scout_member_kind kind,
                     bool annotated)
{
	scout_class_info *c = set->c;
	size_t at = scout_walk_name_hash(name, len) & set->mask;

	for (; set->slots[at]; at = (at + 1) & set->mask) {
		uint32_t i = set->slots[at] - 1;
		scout_class_attr *a = &c->attrs[i];

		if (strlen(a->name) != len || memcmp(a->name, name, len) != 0)
			continue;
		if (a->kind == SCOUT_MEMBER_METHOD)
			return;
		if (kind == SCOUT_MEMBER_METHOD || (annotated && !set->annotated_seen[i]))
			a->kind = (uint8_t)kind;
		set->annotated_seen[i] = set->annotated_seen[i] || annotated;
		return;
	}
	if (c->nattrs == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 8;
		c->attrs = scout_realloc(c->attrs, set->cap * sizeof(*c->attrs));
	}
	set->annotated_seen[c->nattrs] = annotated;
	c->attrs[c->nattrs++] = (scout_class_attr){scout_strndup(name, len), (uint8_t)kind};
	set->slots[at] = c->nattrs;
}

/* The names the class body binds directly: defs, and assignments or
 * annotations of one plain name. */
static void collect_attrs(const scout_walk *w, TSNode class_def, scout_class_info *c)
{
	TSNode body = scout_node_field(class_def, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	size_t nslots = 16;
	attr_set set = {c, 0, NULL, NULL, 0};

	while (nslots < 2 * (size_t)count)
		nslots *= 2;
	set.annotated_seen = scout_calloc(count ? count : 1, sizeof(*set.annotated_seen));
	set.slots = scout_calloc(nslots, sizeof(*set.slots));
	set.mask = nslots - 1;

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i), name, a, head;
		scout_member_kind kind = SCOUT_MEMBER_VAR;
		uint32_t len;
		const char *text;

		if (ts_node_symbol(stmt) == w->sym->decorated_definition)
			stmt = scout_node_field(stmt, w->sym->f_definition);
		if (ts_node_is_null(stmt))
			continue;
		if (ts_node_symbol(stmt) == w->sym->function_definition) {
			name = scout_node_field(stmt, w->sym->f_name);
			if (ts_node_is_null(name))
				continue;
			text = scout_node_text(name, w->src, &len);
			add_attr(&set, text, len, SCOUT_MEMBER_METHOD, false);
			continue;
		}
		if (ts_node_symbol(stmt) != w->sym->expression_statement ||
		    scout_node_named_child_count(stmt) != 1)
			continue;
		a = scout_node_named_child(stmt, 0);
		if (ts_node_symbol(a) != w->sym->assignment)
			continue;
		name = scout_node_field(a, w->sym->f_left);
		if (ts_node_is_null(name) || ts_node_symbol(name) != w->sym->identifier)
			continue;
		head = annotation_head(w, scout_node_field(a, w->sym->f_type));
		if (!ts_node_is_null(head) && scout_walk_is(w, head, classvar_names))
			kind = SCOUT_MEMBER_CLASSVAR;
		else if (!ts_node_is_null(head) && scout_walk_is(w, head, final_names))
			kind = SCOUT_MEMBER_FINAL;
		text = scout_node_text(name, w->src, &len);
		add_attr(&set, text, len, kind, !ts_node_is_null(head));
	}
	free(set.annotated_seen);
	free(set.slots);
}

void scout_class_facts_collect(scout_walk *w, TSNode class_def)
{
	TSNode name = scout_node_field(class_def, w->sym->f_name);
	TSNode bases[MAX_BASES];
	uint32_t n, len;
	scout_class_info c = {0};
	const char *text;

	if (ts_node_is_null(name) || !is_module_level(w))
		return;
	text = scout_node_text(name, w->src, &len);
	c.name = scout_strndup(text, len);
	scout_walk_node_start(w, name, &c.line, &c.column);
	scout_walk_node_end(w, name, &c.end_line, &c.end_column);
	n = scout_class_bases(w, class_def, bases, MAX_BASES);
	c.bases = scout_calloc(n ? n : 1, sizeof(*c.bases));
	for (uint32_t i = 0; i < n; i++) {
		c.bases[c.nbases++] = qualified_base(w, bases[i]);
		if (!c.bad_builtin && scout_qualified_is_bad_builtin(c.bases[i]))
			c.bad_builtin = scout_strdup(c.bases[i]);
	}
	c.kind = (uint8_t)scout_class_kind_of(w, class_def);
	c.trait = scout_class_is_trait(w, class_def);
	c.allow_interpreted = allows_interpreted(w, class_def);
	collect_attrs(w, class_def, &c);
	SCOUT_PUSH(w->module->classes, w->module->nclasses, w->module->classes_cap, c);
}

/* True when `node` is the target of an assignment or augmented assignment. */
static bool is_store(const scout_walk *w, TSNode node)
{
	TSNode parent = scout_walk_ancestor(w, 1);

	if (ts_node_is_null(parent) || (ts_node_symbol(parent) != w->sym->assignment &&
	                                ts_node_symbol(parent) != w->sym->augmented_assignment))
		return false;
	return ts_node_eq(scout_node_field(parent, w->sym->f_left), node);
}

/* True when the dotted names a and b share their top-level package. */
static bool same_package(const char *a, const char *b)
{
	size_t n = strcspn(a, ".");

	return n == strcspn(b, ".") && strncmp(a, b, n) == 0;
}

/* True when the qualified name denotes a name of `module` itself
 * ("pkg.mod.X" in pkg.mod), not one of a submodule ("pkg.errors.X" in the
 * package pkg's __init__.py). */
static bool own_name(const char *qualified, const char *module, size_t mlen)
{
	return mlen && strncmp(qualified, module, mlen) == 0 && qualified[mlen] == '.' &&
	       !strchr(qualified + mlen + 1, '.');
}

void scout_class_facts_collect_attr(scout_walk *w, TSNode attribute)
{
	TSNode object = scout_node_field(attribute, w->sym->f_object);
	TSNode attr = scout_node_field(attribute, w->sym->f_attribute), parent;
	const char *module = w->names && w->names->module ? w->names->module : "";
	size_t mlen = strlen(module);
	scout_attr_ref ref = {0};
	char buf[256];
	uint32_t len;
	const char *text;

	if (w->in_type || ts_node_is_null(object) || ts_node_is_null(attr) || !w->names)
		return;
	if (!scout_walk_head_bound(w, object)) /* builtins: not another module */
		return;
	parent = scout_walk_ancestor(w, 1);
	if (!ts_node_is_null(parent) && ts_node_symbol(parent) == w->sym->delete_statement)
		return;
	if (!scout_names_qualify(w->names, object, w->src, buf, sizeof(buf)) ||
	    scout_str_startswith(buf, "builtins.") || own_name(buf, module, mlen) ||
	    (buf[0] != '.' && scout_stdlib_has(buf, strlen(buf)) && !same_package(buf, module)))
		return;
	text = scout_node_text(attr, w->src, &len);
	ref.object = scout_strdup(buf);
	ref.attr = scout_strndup(text, len);
	ref.store = is_store(w, attribute);
	scout_walk_node_start(w, attribute, &ref.line, &ref.column);
	scout_walk_node_end(w, attribute, &ref.end_line, &ref.end_column);
	SCOUT_PUSH(w->module->attr_refs, w->module->nattr_refs, w->module->attr_refs_cap, ref);
}
