/* What the rules about variables mypy types None know about one function
 * (none_facts.h). */
#include "functions/none_facts.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

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

/* True when the field `f` of parent is the node id. */
static bool is_field(const scout_walk *w, TSNode parent, TSFieldId f, TSNode id)
{
	(void)w;
	return ts_node_eq(scout_node_field(parent, f), id);
}

scout_none_role scout_none_role_of(const scout_walk *w, TSNode id, TSNode parent)
{
	const scout_symbols *s = w->sym;
	TSSymbol pt = ts_node_symbol(parent);

	if (pt == s->assignment && is_field(w, parent, s->f_left, id)) {
		TSNode right = scout_node_field(parent, s->f_right);

		if (!ts_node_is_null(scout_node_field(parent, s->f_type)) ||
		    has_type_comment(w, parent))
			return SCOUT_NONE_DECLARE;
		return scout_nodes_is(right, s->none) ? SCOUT_NONE_ASSIGN_NONE : SCOUT_NONE_BIND;
	}
	if (pt == s->attribute)
		return is_field(w, parent, s->f_attribute, id) ? SCOUT_NONE_NOT_A_USE
		                                               : SCOUT_NONE_READ;
	if (pt == s->keyword_argument)
		return is_field(w, parent, s->f_name, id) ? SCOUT_NONE_NOT_A_USE : SCOUT_NONE_READ;
	if (pt == s->augmented_assignment || pt == s->for_statement || pt == s->for_in_clause)
		return is_field(w, parent, s->f_left, id) ? SCOUT_NONE_BIND : SCOUT_NONE_READ;
	if (pt == s->named_expression)
		return is_field(w, parent, s->f_name, id) ? SCOUT_NONE_BIND : SCOUT_NONE_READ;
	if (pt == s->except_clause)
		return is_field(w, parent, s->f_alias, id) ? SCOUT_NONE_BIND : SCOUT_NONE_READ;
	if (pt == s->delete_statement || is_pattern(pt))
		return SCOUT_NONE_BIND;
	if (pt == s->global_statement || pt == s->nonlocal_statement || pt == s->dotted_name ||
	    pt == s->aliased_import || pt == s->function_definition || pt == s->class_definition ||
	    pt == s->import_statement || pt == s->import_from_statement)
		return SCOUT_NONE_DECLARE;
	return SCOUT_NONE_READ;
}

/* --- the names of a function ----------------------------------------------- */

scout_none_name *scout_none_find(const scout_walk *w, scout_none_facts *ff, TSNode id)
{
	uint32_t len;
	const char *text = scout_node_text(id, w->src, &len);

	for (size_t i = 0; i < ff->n; i++)
		if (ff->names[i].len == len && memcmp(ff->names[i].text, text, len) == 0)
			return &ff->names[i];
	return NULL;
}

/* The facts of id's name, started when it has none (NULL when full). */
static scout_none_name *name_for(const scout_walk *w, scout_none_facts *ff, TSNode id)
{
	scout_none_name *f = scout_none_find(w, ff, id);
	uint32_t len;
	const char *text;

	if (f || ff->n == SCOUT_NONE_MAX_NAMES)
		return f;
	text = scout_node_text(id, w->src, &len);
	f = &ff->names[ff->n++];
	*f = (scout_none_name){.text = text, .len = len, .kind = SCOUT_NONE_UNBOUND};
	f->first = f->first_bind = f->early_read = SCOUT_NULL_NODE;
	return f;
}

static bool is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* True when the text of an annotation names one of `words` (NULL-terminated). */
static bool annotation_names(const scout_walk *w, TSNode type, const char *const *words)
{
	uint32_t len;
	const char *text = scout_node_text(type, w->src, &len);

	for (; *words; words++) {
		size_t n = strlen(*words);

		for (uint32_t i = 0; i + n <= len; i++)
			if (memcmp(text + i, *words, n) == 0 &&
			    (i == 0 || !is_word_char(text[i - 1])) &&
			    (i + n == len || !is_word_char(text[i + n])))
				return true;
	}
	return false;
}

static const char *const optional_words[] = {"None", "Optional", NULL};
/* What an annotation that lets the value be None names. */
static const char *const none_words[] = {"None", "Optional", "Any", "object", NULL};

/* Records def's parameters: their annotation says whether they admit None
 * (none: Any, which narrows to None too); splats never hold None. */
static void note_parameters(const scout_walk *w, scout_none_facts *ff, TSNode def)
{
	const scout_symbols *s = w->sym;
	TSNode params = scout_node_field(def, s->f_parameters);
	uint32_t n = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);
	bool first = true, method = !ts_node_is_null(scout_defs_method_class(w, def)) &&
	                            !scout_defs_is_staticmethod(w, def);

	for (uint32_t i = 0; i < n; i++) {
		TSNode p = scout_node_named_child(params, i), id = scout_defs_param_name(w, p),
		       type;
		scout_none_name *f;

		if (scout_nodes_is(p, s->comment))
			continue;
		if (ts_node_is_null(id) || !(f = name_for(w, ff, id))) {
			first = false;
			continue;
		}
		type = scout_node_field(p, s->f_type);
		f->kind = SCOUT_NONE_PARAM;
		f->annotated = !ts_node_is_null(type);
		if (!f->annotated) {
			f->admits_none = !(first && method); /* Any; self is the class */
			f->any = f->admits_none;
		} else {
			f->admits_none = annotation_names(w, type, none_words);
			f->optional = annotation_names(w, type, optional_words);
		}
		first = false;
	}
}

/* True when a binding's value is a literal (a number, string, bool,
 * display or comprehension), whose type holds no None. */
static bool bound_to_literal(const scout_walk *w, TSNode id)
{
	const scout_symbols *s = w->sym;
	TSNode parent = scout_node_parent(id), v;
	TSSymbol t;

	if (!scout_nodes_is(parent, s->assignment))
		return false;
	v = scout_node_field(parent, s->f_right);
	t = ts_node_is_null(v) ? 0 : ts_node_symbol(v);
	return t && (t == s->integer || t == s->float_ || t == s->string ||
	             t == s->concatenated_string || t == s->true_ || t == s->false_ ||
	             t == s->list || t == s->list_comprehension || t == s->set_comprehension ||
	             t == s->dictionary_comprehension);
}

/* Records one identifier occurrence of the body, in document order. */
static void note_identifier(const scout_walk *w, scout_none_facts *ff, TSNode id, scout_none_role r)
{
	scout_none_name *f = r == SCOUT_NONE_NOT_A_USE ? NULL : name_for(w, ff, id);

	if (!f || f->kind == SCOUT_NONE_DECLARED)
		return;
	if (r == SCOUT_NONE_DECLARE) {
		f->kind = SCOUT_NONE_DECLARED;
		return;
	}
	if (r == SCOUT_NONE_READ) {
		if (f->partial && ts_node_is_null(f->first_bind) && ts_node_is_null(f->early_read))
			f->early_read = id;
		return;
	}
	if (f->kind == SCOUT_NONE_UNBOUND) { /* the first binding */
		f->kind = SCOUT_NONE_LOCAL;
		f->first = id;
		/* in a function mypy does not check, every local is Any */
		f->partial = ff->checked && r == SCOUT_NONE_ASSIGN_NONE;
		f->any = !ff->checked;
		f->admits_none = !ff->checked || !bound_to_literal(w, id);
	}
	if (r != SCOUT_NONE_BIND)
		return;
	if (ts_node_is_null(f->first_bind))
		f->first_bind = id;
	if (f->nbinds < SCOUT_NONE_MAX_BINDS)
		f->binds[f->nbinds] = id;
	if (f->nbinds <= SCOUT_NONE_MAX_BINDS)
		f->nbinds++;
}

bool scout_none_skips(const scout_walk *w, TSSymbol t)
{
	return scout_defs_opens_scope(w, t) || t == w->sym->type;
}

bool scout_none_scan_range(const scout_walk *w, uint32_t at, uint32_t end, scout_none_visit visit,
                           void *arg)
{
	const scout_tix *tix = w->tix;

	while (at < end) {
		const scout_tix_node *e = &tix->nodes[at];
		TSSymbol t = e->symbol;

		if (!e->is_named) {
			at = e->end;
		} else if (t == w->sym->identifier) {
			if (visit(w, e->node,
			          scout_none_role_of(w, e->node, tix->nodes[e->parent].node), arg))
				return true;
			at = e->end;
		} else if (t == w->sym->function_definition || t == w->sym->class_definition) {
			TSNode name = scout_defs_name(w, e->node);

			if (!ts_node_is_null(name) && visit(w, name, SCOUT_NONE_DECLARE, arg))
				return true;
			at = e->end;
		} else if (scout_none_skips(w, t)) {
			at = e->end;
		} else {
			at++;
		}
	}
	return false;
}

static bool collect_identifier(const scout_walk *w, TSNode id, scout_none_role r, void *arg)
{
	note_identifier(w, arg, id, r);
	return false;
}

bool scout_none_same_name(const scout_walk *w, const scout_none_name *f, TSNode id)
{
	return scout_nodes_text_eq(id, w->src, f->text, f->len);
}

/* True when nodes [at, end) of the index hold None assigned (`x = None`)
 * or compared (`x is None`, `x is not None`): without one no variable here
 * is None. */
static bool has_none(const scout_walk *w, uint32_t at, uint32_t end)
{
	const scout_tix_node *nodes = w->tix->nodes;

	for (; at < end; at++) {
		TSSymbol parent;

		if (nodes[at].symbol != w->sym->none)
			continue;
		parent = nodes[nodes[at].parent].symbol;
		if (parent == w->sym->assignment || parent == w->sym->comparison_operator)
			return true;
	}
	return false;
}

/* The facts of the function last collected on this thread: the three rules
 * that use them run on the same def one after the other. The walk's memo
 * (emptied for every module) says which def they belong to, by the number
 * each collection gets. */
static _Thread_local scout_none_facts cached;
static _Thread_local uint32_t cached_number, collections;
static const scout_memo_tag memo_collected = {"a def: the number of its cached none facts"};

/* Fills ff for def; false when its body neither assigns None nor compares
 * with it. */
static bool collect(const scout_walk *w, TSNode def, scout_none_facts *ff)
{
	TSNode body = scout_node_field(def, w->sym->f_body);
	uint32_t at, end;

	ff->n = 0;
	ff->def = def;
	ff->body = body;
	if (!scout_tix_subtree(body, &at, &end) || !has_none(w, at + 1, end))
		return false;
	ff->checked = !scout_defs_unannotated(w, def);
	note_parameters(w, ff, def);
	scout_none_scan_range(w, at + 1, end, collect_identifier, ff);
	return true;
}

scout_none_facts *scout_none_collect(const scout_walk *w, TSNode def)
{
	uint32_t number;
	bool ok;

	if (scout_walk_memo_get(w, def, &memo_collected, &number) &&
	    (number == 0 || number == cached_number))
		return number ? &cached : NULL; /* else collected, then replaced: again */
	ok = collect(w, def, &cached);
	cached_number = ok ? ++collections : 0;
	if (!cached_number && ok) /* the counter wrapped */
		cached_number = ++collections;
	scout_walk_memo_put(w, def, &memo_collected, cached_number);
	return ok ? &cached : NULL;
}

/* --- reports --------------------------------------------------------------- */

void scout_none_report(scout_walk *w, const scout_rule *self, scout_none_name *f, TSNode read,
                       const char *how, const char *fix)
{
	char message[400];
	uint32_t line, column;

	scout_walk_node_start(w, read, &line, &column);
	(void)column;
	snprintf(message, sizeof(message),
	         "%.*s is read %s: mypyc reports \"Local variable \"%.*s\" "
	         "has inferred type None; add an annotation\"",
	         SCOUT_TEXT_ARG(read, w->src), how, SCOUT_TEXT_ARG(read, w->src));
	f->reported = true;
	scout_walk_report(w, self, read, message, fix);
}

const char scout_none_fix_annotate[] =
    "annotate the variable where it is first assigned (`x: Optional[int] = None`)";
