/* The single walk over a module's tree, in preorder over its tree index
 * (built by one iterative cursor pass: no recursion, so no input can
 * overflow the C stack). Keeps the ancestor stack that rules use, and feeds
 * the annotation counter, the syntax-error check and the rules. */
#include "scout/walk.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotations.h"
#include "scout/fingerprint.h"
#include "scout/tree_index.h"
#include "imports.h"
#include "runtime.h"
#include "scout/class_facts.h"
#include "scout/rule.h"
#include "suppress.h"
#include "syntax_check.h"
#include "type_ignores.h"

#define CP_BLOCK 256

/* w->cp_marks for this module's source: one pass, so a column is found in at
 * most CP_BLOCK steps however long its line. */
static void mark_code_points(scout_walk *w)
{
	const unsigned char *s = (const unsigned char *)w->src;
	size_t blocks = w->len / CP_BLOCK + 1;
	uint32_t cps = 0;

	if (blocks > w->cp_marks_cap) {
		free(w->cp_marks);
		w->cp_marks = scout_calloc(blocks, sizeof(*w->cp_marks));
		w->cp_marks_cap = blocks;
	}
	w->cp_marks_len = blocks;
	for (size_t b = 0; b < blocks; b++) {
		w->cp_marks[b] = cps;
		for (size_t i = b * CP_BLOCK; i < (b + 1) * CP_BLOCK && i < w->len; i++)
			cps += (s[i] & 0xc0) != 0x80;
	}
}

/* Code points of src before byte (at most len). */
static uint32_t code_points_before(const scout_walk *w, uint32_t byte)
{
	const unsigned char *s = (const unsigned char *)w->src;
	uint32_t cps = 0, from = 0;

	if (byte > w->len)
		byte = (uint32_t)w->len;
	if ((size_t)(byte / CP_BLOCK) < w->cp_marks_len) {
		cps = w->cp_marks[byte / CP_BLOCK];
		from = byte / CP_BLOCK * CP_BLOCK;
	}
	for (uint32_t i = from; i < byte; i++)
		cps += (s[i] & 0xc0) != 0x80;
	return cps;
}

static void byte_position(const scout_walk *w, uint32_t byte, TSPoint p, uint32_t *line,
                          uint32_t *column)
{
	uint32_t row_start = byte >= p.column ? byte - p.column : 0;

	*line = p.row + 1;
	*column = code_points_before(w, byte) - code_points_before(w, row_start) + 1;
}

void scout_walk_node_start(const scout_walk *w, TSNode node, uint32_t *line, uint32_t *column)
{
	byte_position(w, ts_node_start_byte(node), ts_node_start_point(node), line, column);
}

void scout_walk_node_end(const scout_walk *w, TSNode node, uint32_t *line, uint32_t *column)
{
	byte_position(w, ts_node_end_byte(node), ts_node_end_point(node), line, column);
}

bool scout_walk_head_bound(scout_walk *w, TSNode node)
{
	uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
	TSNode head = node;

	/* an attribute that starts where the last chain's head starts and ends
	 * within it is on that chain: nodes that start at one byte nest */
	if (w->chain.valid && start == w->chain.start && end <= w->chain.end &&
	    ts_node_symbol(node) == w->sym->attribute)
		return w->chain.bound;
	while (!ts_node_is_null(head) && ts_node_symbol(head) == w->sym->attribute)
		head = scout_node_field(head, w->sym->f_object);
	if (ts_node_is_null(head) || ts_node_symbol(head) != w->sym->identifier)
		return false;
	w->chain.start = ts_node_start_byte(head);
	w->chain.end = end;
	w->chain.bound = scout_names_head_bound(w->names, head, w->src);
	w->chain.valid = w->chain.start == start;
	return w->chain.bound;
}

bool scout_walk_def_is_method(const scout_walk *w, TSNode *decorated)
{
	const scout_symbols *s = w->sym;

	*decorated = (TSNode){{0}, 0, 0};
	for (uint32_t up = 1; up < w->depth; up++) {
		TSNode a = scout_walk_ancestor(w, up);
		TSSymbol t = scout_walk_ancestor_symbol(w, up);

		if (t == s->class_definition)
			return true;
		if (t == s->decorated_definition) {
			if (up == 1)
				*decorated = a;
			continue;
		}
		if (t == s->block || t == s->if_statement || t == s->elif_clause ||
		    t == s->else_clause || t == s->try_statement || t == s->except_clause ||
		    t == s->except_group_clause || t == s->finally_clause ||
		    t == s->with_statement || t == s->for_statement || t == s->while_statement)
			continue;
		return false;
	}
	return false;
}

TSNode scout_walk_enclosing_scope(const scout_walk *w, uint32_t from, TSSymbol *symbol)
{
	for (size_t k = w->nscopes; k-- > 0;) {
		uint32_t i = w->scopes[k];

		if (i + from < w->depth) { /* ancestor depth - 1 - i is at least from */
			*symbol = w->tix->nodes[w->at[i]].symbol;
			return w->stack[i];
		}
	}
	*symbol = 0;
	return (TSNode){{0}, 0, 0};
}

/* "Outer.method": the classes and defs around the current node. */
static void scope_of(const scout_walk *w, scout_buf *scope)
{
	for (size_t k = 0; k < w->nnamed && w->named[k] + 1 < w->depth; k++) {
		uint32_t i = w->named[k];
		TSNode name;
		uint32_t len;
		const char *text;

		name = scout_node_field(w->stack[i], w->sym->f_name);
		if (ts_node_is_null(name))
			continue;
		text = scout_node_text(name, w->src, &len);
		if (scope->len)
			scout_buf_putc(scope, '.');
		scout_buf_put(scope, text, len);
	}
}

#define LINE_TEXT_MAX 200

/* The source line a node starts on, blanks folded and trimmed, into out
 * (NUL-terminated): characters are taken while fewer than LINE_TEXT_MAX are
 * out, and a folded blank goes with the character after it, so the text
 * can reach LINE_TEXT_MAX + 1 bytes (as fingerprints have always had it). */
static void line_text(const scout_walk *w, TSNode node, char *out)
{
	uint32_t byte = ts_node_start_byte(node), col = ts_node_start_point(node).column;
	const char *p = w->src + (byte >= col ? byte - col : 0), *end = w->src + w->len;
	size_t len = 0;
	bool blank = false;

	for (; p < end && *p != '\n' && len < LINE_TEXT_MAX; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r') {
			blank = len > 0;
			continue;
		}
		if (blank)
			out[len++] = ' ';
		blank = false;
		out[len++] = *p;
	}
	out[len] = '\0';
}

static void fingerprint_finding(const scout_walk *w, TSNode node, scout_finding *f)
{
	scout_buf scope = {0};
	char text[LINE_TEXT_MAX + 2];
	const char *parts[4];

	scope_of(w, &scope);
	line_text(w, node, text);
	parts[0] = f->rule;
	parts[1] = w->module->path ? w->module->path : "";
	parts[2] = scope.data ? scope.data : "";
	parts[3] = text;
	scout_fingerprint(f->fingerprint, parts, 4);
	scout_buf_free(&scope);
}

void scout_walk_report(scout_walk *w, const scout_rule *rule, TSNode node, const char *message,
                       const char *fix)
{
	scout_walk_report_mypy(w, rule, node, NULL, 0, message, fix);
}

void scout_walk_report_mypy(scout_walk *w, const scout_rule *rule, TSNode node,
                            const scout_mypy_error *errors, size_t nerrors, const char *message,
                            const char *fix)
{
	uint32_t line, column, end_line, end_column;

	if (scout_rule_ignored_in(rule, w->config, w->module->path))
		return;
	byte_position(w, ts_node_start_byte(node), ts_node_start_point(node), &line, &column);
	byte_position(w, ts_node_end_byte(node), ts_node_end_point(node), &end_line, &end_column);
	scout_module_add_finding(w->module, rule->id, rule->category, line, column, end_line,
	                         end_column, message, fix ? fix : rule->fix);
	fingerprint_finding(w, node, &w->module->findings[w->module->nfindings - 1]);
	if (rule->mypy_codes)
		scout_type_ignores_note(w, rule, w->module->nfindings - 1, errors, nerrors);
}

static void push(scout_walk *w, TSNode node, uint32_t at)
{
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->stack = scout_realloc(w->stack, w->cap * sizeof(*w->stack));
		w->at = scout_realloc(w->at, w->cap * sizeof(*w->at));
	}
	w->at[w->depth] = at;
	w->stack[w->depth++] = node;
}

/* What the walk does on entering a node, by its type: looked up once per
 * node instead of each part comparing the type against its own list. */
enum {
	HOOK_TYPE = 1,      /* counts the annotation depth */
	HOOK_COMMENT = 2,   /* suppression comments */
	HOOK_CLASS = 4,     /* the class index: a class */
	HOOK_ATTRIBUTE = 8, /* the class index: an attribute */
	HOOK_ANNOTATIONS = 16,
	HOOK_IMPORTS = 32,
	HOOK_RULES = 64,
	HOOK_REACH = 128,   /* reachability: an if statement or a block */
	HOOK_SYNTAX = 256,  /* the syntax-error check (ERROR nodes get it through HOOK_ALL) */
	HOOK_RUNTIME = 512, /* defs, loops and statements, for the hotness estimate */
	HOOK_ALL = 0xffff   /* a symbol past the table (ERROR is 65535): every part looks */
};

static uint8_t *base_hooks; /* every part but the visitor's */
static uint32_t nbase_hooks;
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static uint8_t hooks_for(const TSLanguage *lang, TSSymbol t)
{
	const scout_symbols *s = scout_syntax_symbols();

	return (t == s->type ? HOOK_TYPE : 0) | (t == s->comment ? HOOK_COMMENT : 0) |
	       (t == s->class_definition ? HOOK_CLASS : 0) |
	       (t == s->attribute ? HOOK_ATTRIBUTE : 0) |
	       (scout_annotations_on(s, t) ? HOOK_ANNOTATIONS : 0) |
	       (scout_imports_on(s, t) ? HOOK_IMPORTS : 0) |
	       (t == s->if_statement || t == s->block || t == s->assert_statement ? HOOK_REACH : 0);
}

static void build_base_hooks(void)
{
	base_hooks = scout_symbol_bytes(hooks_for, &nbase_hooks);
}

/* The walk's own table: the shared one plus the node types the syntax
 * check and its visitor want (past the shared table's eight bits), built on
 * its first module. */
static void build_hooks(scout_walk *w)
{
	const scout_symbols *s = scout_syntax_symbols();

	pthread_once(&hooks_once, build_base_hooks);
	w->nhooks = nbase_hooks;
	w->hooks = scout_malloc((nbase_hooks ? nbase_hooks : 1) * sizeof(*w->hooks));
	for (uint32_t t = 0; t < nbase_hooks; t++)
		w->hooks[t] =
		    (uint16_t)(base_hooks[t] |
		               (scout_syntax_check_on(s, (TSSymbol)t) ? HOOK_SYNTAX : 0) |
		               (scout_runtime_on(s, (TSSymbol)t) ? HOOK_RUNTIME : 0) |
		               (w->visitor && w->visitor->wants((TSSymbol)t) ? HOOK_RULES : 0));
}

static unsigned hooks_of(const scout_walk *w, TSSymbol t)
{
	return t < w->nhooks ? w->hooks[t] : HOOK_ALL;
}

static const scout_memo_tag block_reach = {"what mypy knows of a block of an if statement"};

/* The memo holds 1 + the block's SCOUT_REACH_* mask (0 is never stored). */
static void mark_block(void *ctx, TSNode block, unsigned reach)
{
	scout_walk_memo_put(ctx, block, &block_reach, 1 + reach);
}

unsigned scout_walk_block_reach(const scout_walk *w, TSNode block)
{
	TSNode parent;
	uint32_t v;

	if (scout_walk_memo_get(w, block, &block_reach, &v))
		return v - 1;
	parent = scout_node_parent(block);
	if (!ts_node_is_null(parent) && (ts_node_symbol(parent) == w->sym->elif_clause ||
	                                 ts_node_symbol(parent) == w->sym->else_clause))
		parent = scout_node_parent(parent);
	if (ts_node_is_null(parent) || ts_node_symbol(parent) != w->sym->if_statement)
		return 0;
	/* not marked on entering the if statement (a walk without a target):
	 * the whole statement marked now, once */
	scout_reach_if_each(parent, w->src, w->config ? &w->config->target : NULL, mark_block,
	                    (void *)w);
	return scout_walk_memo_get(w, block, &block_reach, &v) ? v - 1 : 0;
}

/* On an if statement, marks its blocks; on one mypy skips, starts the dead
 * region that ends with its subtree. A module-level assert that always
 * fails makes everything after it dead (mypy drops those statements). */
static void reach(scout_walk *w, const scout_tix_node *e, uint32_t at)
{
	uint32_t v;

	if (at < w->dead_end)
		return; /* already inside a dead block */
	if (e->symbol == w->sym->if_statement)
		scout_reach_if_each(e->node, w->src, &w->config->target, mark_block, w);
	else if (e->symbol == w->sym->assert_statement) {
		if (e->parent == 0 && scout_reach_assert_fails(e->node, w->src, &w->config->target))
			w->dead_from = e->end;
	} else if (scout_walk_memo_get(w, e->node, &block_reach, &v) &&
	           ((v - 1) & SCOUT_REACH_DEAD))
		w->dead_end = e->end;
}

static void enter(scout_walk *w, const scout_tix *tix, uint32_t at, bool tree_has_error)
{
	const scout_tix_node *e = &tix->nodes[at];
	TSNode node = e->node;
	TSSymbol t = e->symbol;
	unsigned h = hooks_of(w, t);

	push(w, node, at);
	if (t == w->sym->class_definition || t == w->sym->function_definition ||
	    t == w->sym->lambda) {
		SCOUT_PUSH(w->scopes, w->nscopes, w->scopes_cap, w->depth - 1);
		if (t != w->sym->lambda)
			SCOUT_PUSH(w->named, w->nnamed, w->named_cap, w->depth - 1);
	}
	w->symbol = t;
	if (at >= w->dead_from) /* past a module-level assert that always fails */
		w->dead_end = w->tix->len;
	if (h & HOOK_REACH && w->config)
		reach(w, e, at);
	if (h & HOOK_TYPE && t == w->sym->type)
		w->in_type++;
	if (h & HOOK_SYNTAX || (tree_has_error && e->nkids == 0 && ts_node_is_missing(node)))
		scout_syntax_check_enter(w, node, t);
	if (h & HOOK_COMMENT && t == w->sym->comment) {
		scout_suppress_collect(w, node);
		scout_type_ignores_collect(w, node);
	} else if (h & HOOK_CLASS && t == w->sym->class_definition && at >= w->dead_end)
		scout_class_facts_collect(w, node);
	else if (h & HOOK_ATTRIBUTE && t == w->sym->attribute && at >= w->dead_end)
		scout_class_facts_collect_attr(w, node);
	if (h & HOOK_ANNOTATIONS)
		scout_annotations_enter(w, node);
	if (h & HOOK_IMPORTS)
		scout_imports_enter(w, node);
	if (h & HOOK_RUNTIME)
		scout_runtime_enter(w, t);
	if (h & HOOK_RULES && w->visitor && at >= w->dead_end)
		w->visitor->enter(w, node);
}

static void leave(scout_walk *w)
{
	TSSymbol t = w->tix->nodes[w->at[--w->depth]].symbol;
	unsigned h = hooks_of(w, t);

	if (w->nscopes && w->scopes[w->nscopes - 1] == w->depth)
		w->nscopes--;
	if (w->nnamed && w->named[w->nnamed - 1] == w->depth)
		w->nnamed--;

	if (h & HOOK_TYPE && t == w->sym->type)
		w->in_type--;
	if (h & HOOK_RUNTIME)
		scout_runtime_leave(w, t);
}

uint32_t scout_walk_name_hash(const char *name, uint32_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (uint32_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h;
}

/* w->class_slots for w->classes: a later class of a name replaces an earlier
 * one (the last definition wins, as at run time). */
static void hash_classes(scout_walk *w)
{
	size_t cap = 16;

	while (cap < 2 * w->nclasses)
		cap *= 2;
	if (cap > w->class_slots_cap) {
		free(w->class_slots);
		w->class_slots = scout_calloc(cap, sizeof(*w->class_slots));
		w->class_slots_cap = cap;
	} else
		memset(w->class_slots, 0, w->class_slots_cap * sizeof(*w->class_slots));
	for (size_t i = 0; i < w->nclasses; i++) {
		const scout_walk_class *c = &w->classes[i];
		size_t mask = w->class_slots_cap - 1;
		size_t at = scout_walk_name_hash(c->name, c->len) & mask;

		for (;; at = (at + 1) & mask) {
			uint32_t k = w->class_slots[at];

			if (!k || (w->classes[k - 1].len == c->len &&
			           memcmp(w->classes[k - 1].name, c->name, c->len) == 0)) {
				w->class_slots[at] = (uint32_t)i + 1;
				break;
			}
		}
	}
}

/* The module's top-level classes, from the index's list of the root's
 * children (the root is the index's first node). */
static void index_classes(scout_walk *w)
{
	const scout_tix_node *root = w->tix->len ? &w->tix->nodes[0] : NULL;

	w->nclasses = 0; /* the array is kept between modules */
	for (uint32_t k = 0; root && k < root->nkids; k++) {
		TSNode c = w->tix->nodes[w->tix->kids[root->kids + k]].node, name;
		scout_walk_class entry;

		if (ts_node_symbol(c) == w->sym->decorated_definition)
			c = scout_node_field(c, w->sym->f_definition);
		if (ts_node_is_null(c) || ts_node_symbol(c) != w->sym->class_definition)
			continue;
		name = scout_node_field(c, w->sym->f_name);
		if (ts_node_is_null(name) || ts_node_end_byte(name) > w->len)
			continue;
		entry.name = w->src + ts_node_start_byte(name);
		entry.len = ts_node_end_byte(name) - ts_node_start_byte(name);
		entry.node = c;
		SCOUT_PUSH(w->classes, w->nclasses, w->classes_cap, entry);
	}
	hash_classes(w);
}

/* An open-addressing table keyed by (node id, start byte, tag). A slot is
 * empty unless it carries the table's generation, so forgetting a module's
 * entries is one increment, not a clearing of the whole table. */
typedef struct memo_entry {
	const void *id;
	uint32_t start, tag, value;
	uint32_t gen;
} memo_entry;

struct scout_walk_memo {
	memo_entry *slots;
	size_t cap, len; /* cap a power of two, len < cap / 2 */
	uint32_t gen;    /* never 0, the generation of calloc'ed slots */
};

static size_t memo_hash(const void *id, uint32_t start, uint32_t tag)
{
	uint64_t h = (uint64_t)(uintptr_t)id * 0x9e3779b97f4a7c15ull;

	h ^= ((uint64_t)start << 8 | tag) * 0xc2b2ae3d27d4eb4full;
	return (size_t)(h ^ h >> 29);
}

static memo_entry *memo_slot(const scout_walk_memo *m, const void *id, uint32_t start, uint32_t tag)
{
	size_t mask = m->cap - 1, i = memo_hash(id, start, tag) & mask;

	while (m->slots[i].gen == m->gen &&
	       (m->slots[i].id != id || m->slots[i].start != start || m->slots[i].tag != tag))
		i = (i + 1) & mask;
	return &m->slots[i];
}

static void memo_grow(scout_walk_memo *m)
{
	memo_entry *old = m->slots;
	size_t old_cap = m->cap;

	m->cap = old_cap ? old_cap * 2 : 64;
	m->slots = scout_calloc(m->cap, sizeof(*m->slots));
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].gen == m->gen)
			*memo_slot(m, old[i].id, old[i].start, old[i].tag) = old[i];
	free(old);
}

/* A tag as the table keeps it: the low bits of its address, which tell
 * apart all the static tags of one program (an image is far below 4 GiB). */
static uint32_t tag_bits(const scout_memo_tag *tag)
{
	return (uint32_t)(uintptr_t)tag;
}

bool scout_walk_memo_get_key(const scout_walk *w, const void *id, uint32_t key,
                             const scout_memo_tag *tag, uint32_t *value)
{
	const memo_entry *e;

	if (!w->memo || !w->memo->len || !id)
		return false;
	e = memo_slot(w->memo, id, key, tag_bits(tag));
	if (e->gen != w->memo->gen)
		return false;
	*value = e->value;
	return true;
}

void scout_walk_memo_put_key(const scout_walk *w, const void *id, uint32_t key,
                             const scout_memo_tag *tag, uint32_t value)
{
	scout_walk_memo *m = w->memo;
	memo_entry *e;

	if (!m || !id)
		return;
	if ((m->len + 1) * 2 > m->cap)
		memo_grow(m);
	e = memo_slot(m, id, key, tag_bits(tag));
	if (e->gen != m->gen)
		m->len++;
	e->gen = m->gen;
	e->id = id;
	e->start = key;
	e->tag = tag_bits(tag);
	e->value = value;
}

bool scout_walk_memo_get(const scout_walk *w, TSNode node, const scout_memo_tag *tag,
                         uint32_t *value)
{
	return scout_walk_memo_get_key(w, node.id, ts_node_start_byte(node), tag, value);
}

void scout_walk_memo_put(const scout_walk *w, TSNode node, const scout_memo_tag *tag,
                         uint32_t value)
{
	scout_walk_memo_put_key(w, node.id, ts_node_start_byte(node), tag, value);
}

static void memo_reset(scout_walk *w)
{
	if (!w->memo)
		w->memo = scout_calloc(1, sizeof(*w->memo));
	if (++w->memo->gen == 0) { /* wrapped: old slots could look current */
		if (w->memo->slots)
			memset(w->memo->slots, 0, w->memo->cap * sizeof(*w->memo->slots));
		w->memo->gen = 1;
	}
	w->memo->len = 0;
}

void scout_walk_release(scout_walk *w)
{
	free(w->stack);
	free(w->at);
	if (w->visitor && w->plan)
		w->visitor->release(w->plan);
	w->plan = NULL;
	free(w->hooks);
	w->hooks = NULL;
	free(w->suppressions);
	free(w->classes);
	free(w->class_slots);
	free(w->cp_marks);
	free(w->scopes);
	free(w->named);
	if (w->memo)
		free(w->memo->slots);
	free(w->memo);
	scout_type_ignores_release(w);
	scout_syntax_thread_release();
}

/* The rules' walk, in preorder over the tree index: enters each node after
 * leaving the ones whose subtrees ended before it. */
void scout_walk_module(scout_walk *w, const scout_tix *tix)
{
	bool tree_has_error = tix->len && ts_node_has_error(tix->nodes[0].node);

	if (!w->hooks)
		build_hooks(w);
	w->sym = scout_syntax_symbols();
	w->tix = tix;
	memo_reset(w);
	w->dead_end = 0;
	w->dead_from = UINT32_MAX;
	w->in_def = w->def_loops = w->in_raise = 0;
	w->chain.valid = false;
	w->nscopes = w->nnamed = 0;
	mark_code_points(w);
	index_classes(w);
	for (uint32_t i = 0; i < tix->len; i++) {
		const scout_tix_node *e = &tix->nodes[i];

		if (!e->nkids && !tree_has_error && !hooks_of(w, e->symbol))
			continue; /* a leaf nothing looks at (a keyword, a comma) */
		while (w->depth && w->at[w->depth - 1] != e->parent)
			leave(w);
		enter(w, tix, i, tree_has_error);
	}
	while (w->depth)
		leave(w);
	scout_tix_clear();
	w->tix = NULL;
	scout_type_ignores_apply(w);
	scout_suppress_apply(w);
	scout_imports_finish(w->module);
	w->cp_marks_len = 0;
}
