/* Imports (with whether they run at import time), calls into imported
 * names, collected during the one walk. */
#include "imports.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_checking_names[] = {"typing.TYPE_CHECKING",
                                                  "typing_extensions.TYPE_CHECKING", NULL};

/* Where the current import stands: in a def, or in the body of an
 * `if TYPE_CHECKING:` (not its else). */
static void import_context(const scout_walk *w, bool *in_function, bool *type_checking)
{
	*in_function = *type_checking = false;
	for (uint32_t up = 1; up < w->depth; up++) {
		TSNode a = scout_walk_ancestor(w, up);
		TSSymbol t = scout_walk_ancestor_symbol(w, up);

		if (t == w->sym->function_definition)
			*in_function = true;
		if (t == w->sym->if_statement && up >= 2) {
			TSNode cond = scout_node_field(a, w->sym->f_condition);
			TSNode body = scout_node_field(a, w->sym->f_consequence);
			TSNode below = scout_walk_ancestor(w, up - 1);

			if (!ts_node_is_null(body) && ts_node_eq(body, below) &&
			    scout_walk_is(w, cond, type_checking_names))
				*type_checking = true;
		}
	}
}

static void add_import(scout_walk *w, char *module, char *name, TSNode node)
{
	scout_import imp = {.module = module, .name = name};
	uint32_t column;

	scout_walk_node_start(w, node, &imp.line, &column);
	import_context(w, &imp.in_function, &imp.type_checking);
	SCOUT_PUSH(w->module->imports, w->module->nimports, w->module->imports_cap, imp);
}

static void collect_import(scout_walk *w, TSNode stmt)
{
	uint32_t n = scout_node_named_child_count(stmt);

	for (uint32_t i = 0; i < n; i++) {
		TSNode c = scout_node_named_child(stmt, i);

		if (ts_node_symbol(c) == w->sym->aliased_import)
			c = scout_node_field(c, w->sym->f_name);
		if (!ts_node_is_null(c) && ts_node_symbol(c) == w->sym->dotted_name)
			add_import(w, scout_node_dotted_text(c, w->src), NULL, c);
	}
}

static void collect_from_import(scout_walk *w, TSNode stmt)
{
	/* looked up once; atomic, since every worker thread asks */
	static _Atomic(TSFieldId) f_module_id;
	TSFieldId f_module = atomic_load_explicit(&f_module_id, memory_order_relaxed);
	TSNode mod;
	uint32_t n = scout_node_named_child_count(stmt);
	bool any = false;

	if (!f_module) {
		f_module = ts_language_field_id_for_name(tree_sitter_python(), "module_name", 11);
		atomic_store_explicit(&f_module_id, f_module, memory_order_relaxed);
	}
	mod = scout_node_field(stmt, f_module);
	if (ts_node_is_null(mod))
		return;
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = scout_node_named_child(stmt, i);

		if (ts_node_eq(c, mod))
			continue;
		if (ts_node_symbol(c) == w->sym->aliased_import)
			c = scout_node_field(c, w->sym->f_name);
		if (!ts_node_is_null(c) && ts_node_symbol(c) == w->sym->dotted_name) {
			add_import(w, scout_node_dotted_text(mod, w->src),
			           scout_node_dotted_text(c, w->src), c);
			any = true;
		}
	}
	if (!any) /* from M import * */
		add_import(w, scout_node_dotted_text(mod, w->src), NULL, mod);
}

static const char *const patch_names[] = {"unittest.mock.patch", "mock.patch", NULL};
static const char *const patch_object_names[] = {"unittest.mock.patch.object", "mock.patch.object",
                                                 NULL};

/* The text of a plain string literal argument (no f-string parts), or NULL
 * (owned by caller). */
static char *literal_string(const scout_walk *w, TSNode n)
{
	TSNode content;

	if (ts_node_is_null(n) || ts_node_symbol(n) != w->sym->string ||
	    scout_node_named_child_count(n) != 3)
		return NULL;
	content = scout_node_named_child(n, 1);
	if (ts_node_symbol(content) != w->sym->string_content)
		return NULL;
	return scout_node_dotted_text(content, w->src);
}

static TSNode positional(const scout_walk *w, TSNode args, uint32_t k)
{
	uint32_t n = scout_node_named_child_count(args), seen = 0;
	TSNode none = {{0}, 0, 0};

	for (uint32_t i = 0; i < n; i++) {
		TSNode a = scout_node_named_child(args, i);
		TSSymbol t = ts_node_symbol(a);

		if (t == w->sym->keyword_argument || t == w->sym->comment)
			continue;
		if (seen++ == k)
			return a;
	}
	return none;
}

static void add_patch(scout_walk *w, char *target, TSNode call)
{
	scout_patch p = {target, 0};
	uint32_t column;

	scout_walk_node_start(w, call, &p.line, &column);
	SCOUT_PUSH(w->module->patches, w->module->npatches, w->module->patches_cap, p);
}

/* mock.patch("pkg.mod.name"), patch.object(mod, "name"),
 * monkeypatch.setattr("pkg.mod.name", v) / monkeypatch.setattr(mod, "name", v). */
static void collect_patch(scout_walk *w, TSNode call, TSNode callee)
{
	TSNode args = scout_node_field(call, w->sym->f_arguments);
	bool is_setattr = ts_node_symbol(callee) == w->sym->attribute &&
	                  scout_node_text_is(callee, w->src, "monkeypatch.setattr");
	char *target = NULL, *name, buf[256];

	if (ts_node_is_null(args))
		return;
	if (scout_walk_is(w, callee, patch_names) ||
	    (is_setattr && ts_node_is_null(positional(w, args, 2))))
		target = literal_string(w, positional(w, args, 0));
	else if (scout_walk_is(w, callee, patch_object_names) || is_setattr) {
		name = literal_string(w, positional(w, args, 1));
		if (name &&
		    scout_names_qualify(w->names, positional(w, args, 0), w->src, buf, sizeof(buf)))
			target = scout_asprintf("%s.%s", buf, name);
		free(name);
	}
	if (target && strchr(target, '.'))
		add_patch(w, target, call);
	else
		free(target);
}

/* Counts a call whose callee resolves through an import to another module. */
static void collect_call(scout_walk *w, TSNode call)
{
	TSNode callee = scout_node_field(call, w->sym->f_function);
	char buf[256];
	scout_callref ref = {0};
	const char *module = w->module->module ? w->module->module : "";
	size_t mlen = strlen(module);

	if (ts_node_is_null(callee))
		return;
	collect_patch(w, call, callee);
	if (w->in_raise) /* an error path: `raise Error(...)` runs when things go wrong */
		return;
	if (!scout_walk_head_bound(w, callee)) /* builtins, skipped below */
		return;
	if (!scout_names_qualify(w->names, callee, w->src, buf, sizeof(buf)))
		return;
	if (scout_str_startswith(buf, "builtins.") ||
	    (strncmp(buf, module, mlen) == 0 && buf[mlen] == '.'))
		return;
	ref.target = scout_strdup(buf);
	ref.count = 1;
	SCOUT_PUSH(w->module->calls, w->module->ncalls, w->module->calls_cap, ref);
}

bool scout_imports_on(const scout_symbols *s, TSSymbol t)
{
	return t == s->import_statement || t == s->import_from_statement || t == s->call;
}

void scout_imports_enter(scout_walk *w, TSNode node)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = w->symbol;

	if (t == s->import_statement)
		collect_import(w, node);
	else if (t == s->import_from_statement)
		collect_from_import(w, node);
	else if (t == s->call)
		collect_call(w, node);
}

static int compare_refs(const void *a, const void *b)
{
	return strcmp(((const scout_callref *)a)->target, ((const scout_callref *)b)->target);
}

void scout_imports_finish(scout_module *m)
{
	size_t kept = 0;

	if (m->ncalls == 0)
		return;
	qsort(m->calls, m->ncalls, sizeof(*m->calls), compare_refs);
	for (size_t i = 0; i < m->ncalls; i++) {
		if (kept && strcmp(m->calls[kept - 1].target, m->calls[i].target) == 0) {
			m->calls[kept - 1].count += m->calls[i].count;
			free(m->calls[i].target);
			continue;
		}
		m->calls[kept++] = m->calls[i];
	}
	m->ncalls = kept;
}
