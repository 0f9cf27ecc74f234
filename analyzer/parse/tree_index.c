/* The flat index of one tree's visible nodes (see scout/tree_index.h). */
#include "scout/tree_index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "scout/common.h"
#include "scout/syntax.h"
#include "scout_field_parents.h" /* generated from the grammar */

typedef struct scout_tix_slot {
	const void *id;
	uint32_t start, index;
	uint32_t generation; /* empty unless the index's current one */
} scout_tix_slot;

static _Thread_local scout_tix tix;

/* What the index needs to know of each symbol, from the language: whether
 * its nodes are named (ts_node_is_named without the call), whether their
 * children can carry a field at all, and their anonymous children too (the
 * grammar's node-types.json gives the type's fields and what they hold; if
 * not, the cursor is not asked). Symbols past the table (ERROR) are asked
 * about each time. */
enum { SYM_NAMED = 1, SYM_FIELDS = 2, SYM_ANONYMOUS_FIELDS = 4 };
static uint8_t *symbol_facts;
static uint32_t nsymbol_facts;
static pthread_once_t symbol_facts_once = PTHREAD_ONCE_INIT;

static bool type_listed(const char *const *types, const char *name)
{
	for (; *types; types++)
		if (strcmp(name, *types) == 0)
			return true;
	return false;
}

static uint8_t symbol_fact(const TSLanguage *lang, TSSymbol u)
{
	const char *name = ts_language_symbol_name(lang, u);

	if (ts_language_symbol_type(lang, u) != TSSymbolTypeRegular)
		return 0;
	if (!type_listed(scout_field_parent_types, name))
		return SYM_NAMED;
	return SYM_NAMED | SYM_FIELDS |
	       (type_listed(scout_anonymous_field_parent_types, name) ? SYM_ANONYMOUS_FIELDS : 0);
}

static void build_symbol_facts(void)
{
	symbol_facts = scout_symbol_bytes(symbol_fact, &nsymbol_facts);
}

static uint32_t slot_hash(const void *id, uint32_t start)
{
	uint64_t h = (uint64_t)(uintptr_t)id * 0x9e3779b97f4a7c15ull ^ start * 0xc2b2ae3dull;

	return (uint32_t)(h >> 32 ^ h);
}

static void reserve(void **array, uint32_t *cap, uint32_t need, size_t size)
{
	if (need <= *cap)
		return;
	while (*cap < need)
		*cap = *cap ? *cap * 2 : 1024;
	*array = scout_realloc(*array, (size_t)*cap * size);
}

/* One node, entered in preorder under `parent`. */
static uint32_t add(TSTreeCursor *c, uint32_t parent)
{
	uint32_t i = tix.len++;
	scout_tix_node *e;

	if (tix.len > tix.cap) {
		tix.cap = tix.cap ? tix.cap * 2 : 4096;
		tix.nodes = scout_realloc(tix.nodes, (size_t)tix.cap * sizeof(*tix.nodes));
	}
	e = &tix.nodes[i];
	e->node = ts_tree_cursor_current_node(c);
	e->parent = parent;
	e->nkids = e->nnamed = 0;
	e->symbol = ts_node_symbol(e->node);
	e->is_named = e->symbol < nsymbol_facts ? symbol_facts[e->symbol] & SYM_NAMED
	                                        : ts_node_is_named(e->node);
	if (parent != SCOUT_TIX_NONE) {
		scout_tix_node *p = &tix.nodes[parent];
		uint8_t pf = p->symbol < nsymbol_facts ? symbol_facts[p->symbol]
		                                       : SYM_FIELDS | SYM_ANONYMOUS_FIELDS;

		e->field = pf & SYM_FIELDS && (e->is_named || pf & SYM_ANONYMOUS_FIELDS)
		               ? ts_tree_cursor_current_field_id(c)
		               : 0;
		e->pos = p->nkids++;
		e->npos = e->is_named ? p->nnamed++ : SCOUT_TIX_NONE;
	} else {
		e->field = 0;
		e->pos = e->npos = 0;
	}
	return i;
}

/* The preorder pass: nodes, parents, subtree ends, child counts (one call
 * of add, which the compiler then inlines). */
static void collect(TSNode root)
{
	TSTreeCursor c = ts_tree_cursor_new(root);
	uint32_t parent = SCOUT_TIX_NONE;

	for (;;) {
		uint32_t at = add(&c, parent);

		if (ts_tree_cursor_goto_first_child(&c)) {
			parent = at;
			continue;
		}
		for (;;) { /* at's subtree is done: on to its next sibling, or up */
			parent = tix.nodes[at].parent;
			tix.nodes[at].end = tix.len;
			if (parent == SCOUT_TIX_NONE) {
				ts_tree_cursor_delete(&c);
				return;
			}
			if (ts_tree_cursor_goto_next_sibling(&c))
				break;
			ts_tree_cursor_goto_parent(&c);
			at = parent;
		}
	}
}

/* Sizes the (id, start) -> index table for tix.len nodes. Each tree uses
 * as many slots as it needs (at least twice its nodes), so that a small
 * module after a big one hashes into a small, cached part of the table.
 * Slots of older trees count as empty, so the table is never cleared (but
 * when the generation wraps). */
static void size_slots(void)
{
	uint32_t want = 64;

	while (want < tix.len * 2)
		want *= 2;
	if (want > tix.slots_cap) {
		free(tix.slots);
		tix.slots = scout_calloc(want, sizeof(*tix.slots));
		tix.slots_cap = want;
	} else if (tix.generation == 1) { /* wrapped: old slots could look current */
		memset(tix.slots, 0, (size_t)tix.slots_cap * sizeof(*tix.slots));
	}
	tix.slots_mask = want - 1;
}

/* Node i into the (id, start) -> index table. */
static void hash_node(uint32_t i)
{
	TSNode n = tix.nodes[i].node;
	uint32_t mask = tix.slots_mask, start = n.context[0], s = slot_hash(n.id, start) & mask;

	while (tix.slots[s].generation == tix.generation &&
	       (tix.slots[s].id != n.id || tix.slots[s].start != start))
		s = (s + 1) & mask;
	if (tix.slots[s].generation != tix.generation) /* a node seen twice keeps its first index */
		tix.slots[s] = (scout_tix_slot){n.id, start, i, tix.generation};
}

/* One pass over the nodes after the cursor's: lays out each node's children
 * lists, enters it in its parent's (whose lists, earlier in preorder, are
 * laid out already), and hashes it. */
static void link_nodes(void)
{
	uint32_t kids = 0, named = 0;

	reserve((void **)&tix.kids, &tix.kids_cap, tix.len, sizeof(*tix.kids));
	reserve((void **)&tix.named, &tix.named_cap, tix.len, sizeof(*tix.named));
	size_slots();
	for (uint32_t i = 0; i < tix.len; i++) {
		scout_tix_node *e = &tix.nodes[i];

		e->kids = kids;
		e->named = named;
		kids += e->nkids;
		named += e->nnamed;
		if (e->parent != SCOUT_TIX_NONE) {
			const scout_tix_node *p = &tix.nodes[e->parent];

			tix.kids[p->kids + e->pos] = i;
			if (e->is_named)
				tix.named[p->named + e->npos] = i;
		}
		hash_node(i);
	}
}

const scout_tix *scout_tix_build(TSNode root)
{
	tix.len = 0;
	tix.tree = NULL;
	tix.last_id = NULL;
	if (++tix.generation == 0)
		tix.generation = 1;
	if (ts_node_is_null(root))
		return &tix;
	pthread_once(&symbol_facts_once, build_symbol_facts);
	collect(root);
	link_nodes();
	tix.tree = root.tree;
	return &tix;
}

void scout_tix_clear(void)
{
	tix.tree = NULL;
	tix.last_id = NULL;
	tix.len = 0;
}

void scout_tix_release(void)
{
	free(tix.nodes);
	free(tix.kids);
	free(tix.named);
	free(tix.slots);
	memset(&tix, 0, sizeof(tix));
}

const scout_tix *scout_tix_current(void)
{
	return &tix;
}

/* scout_tix_find, inlined into the scout_node_* answers below. */
static inline uint32_t find(const TSNode *n)
{
	uint32_t start, mask, s;

	if (!tix.tree || n->tree != tix.tree || !n->id)
		return SCOUT_TIX_NONE;
	/* the key's second half: tree-sitter keeps the start byte there, and the
	 * index stored the same word of the same node */
	start = n->context[0];
	if (tix.last_id == n->id && tix.last_start == start)
		return tix.last;
	mask = tix.slots_mask;
	for (s = slot_hash(n->id, start) & mask; tix.slots[s].generation == tix.generation;
	     s = (s + 1) & mask)
		if (tix.slots[s].id == n->id && tix.slots[s].start == start) {
			tix.last_id = n->id;
			tix.last_start = start;
			return tix.last = tix.slots[s].index;
		}
	return SCOUT_TIX_NONE;
}

uint32_t scout_tix_find(TSNode n)
{
	return find(&n);
}

bool scout_tix_subtree(TSNode n, uint32_t *from, uint32_t *to)
{
	uint32_t i = find(&n);

	*from = *to = 0;
	if (i == SCOUT_TIX_NONE)
		return false;
	*from = i;
	*to = tix.nodes[i].end;
	return true;
}

static TSNode null_node(void)
{
	TSNode none = {{0}, 0, 0};

	return none;
}

TSNode scout_node_parent(TSNode n)
{
	uint32_t i = find(&n);

	if (i == SCOUT_TIX_NONE)
		return ts_node_parent(n);
	i = tix.nodes[i].parent;
	return i == SCOUT_TIX_NONE ? null_node() : tix.nodes[i].node;
}

/* Entry `index` of a children list (`count` node indexes from `list`). */
static TSNode listed(const uint32_t *list, uint32_t count, uint32_t index)
{
	return index < count ? tix.nodes[list[index]].node : null_node();
}

TSNode scout_node_child(TSNode n, uint32_t index)
{
	uint32_t i = find(&n);

	if (i == SCOUT_TIX_NONE)
		return ts_node_is_null(n) ? null_node() : ts_node_child(n, index);
	return listed(tix.kids + tix.nodes[i].kids, tix.nodes[i].nkids, index);
}

uint32_t scout_node_child_count(TSNode n)
{
	uint32_t i = find(&n);

	if (i == SCOUT_TIX_NONE)
		return ts_node_is_null(n) ? 0 : ts_node_child_count(n);
	return tix.nodes[i].nkids;
}

TSNode scout_node_named_child(TSNode n, uint32_t index)
{
	uint32_t i = find(&n);

	if (i == SCOUT_TIX_NONE)
		return ts_node_is_null(n) ? null_node() : ts_node_named_child(n, index);
	return listed(tix.named + tix.nodes[i].named, tix.nodes[i].nnamed, index);
}

uint32_t scout_node_named_child_count(TSNode n)
{
	uint32_t i = find(&n);

	if (i == SCOUT_TIX_NONE)
		return ts_node_is_null(n) ? 0 : ts_node_named_child_count(n);
	return tix.nodes[i].nnamed;
}

TSNode scout_node_field(TSNode n, TSFieldId field)
{
	uint32_t i = find(&n);
	const scout_tix_node *e;

	if (i == SCOUT_TIX_NONE)
		return ts_node_child_by_field_id(n, field);
	e = &tix.nodes[i];
	for (uint32_t k = 0; k < e->nkids; k++) {
		const scout_tix_node *c = &tix.nodes[tix.kids[e->kids + k]];

		if (c->field == field)
			return c->node;
	}
	return null_node();
}

/* The sibling `step` places from n (all children), or a null node. */
static TSNode sibling(uint32_t i, int step)
{
	const scout_tix_node *e = &tix.nodes[i], *p;
	uint32_t pos;

	if (e->parent == SCOUT_TIX_NONE)
		return null_node();
	p = &tix.nodes[e->parent];
	pos = e->pos + (uint32_t)step;
	return listed(tix.kids + p->kids, p->nkids, pos);
}

TSNode scout_node_next_sibling(TSNode n)
{
	uint32_t i = find(&n);

	return i == SCOUT_TIX_NONE ? ts_node_next_sibling(n) : sibling(i, 1);
}

TSNode scout_node_prev_sibling(TSNode n)
{
	uint32_t i = find(&n);

	return i == SCOUT_TIX_NONE ? ts_node_prev_sibling(n) : sibling(i, -1);
}

TSNode scout_node_prev_named_sibling(TSNode n)
{
	uint32_t i = find(&n);
	const scout_tix_node *e;

	if (i == SCOUT_TIX_NONE)
		return ts_node_prev_named_sibling(n);
	e = &tix.nodes[i];
	for (uint32_t pos = e->pos; e->parent != SCOUT_TIX_NONE && pos-- > 0;) {
		const scout_tix_node *p = &tix.nodes[e->parent],
		                     *s = &tix.nodes[tix.kids[p->kids + pos]];

		if (s->is_named)
			return s->node;
	}
	return null_node();
}
