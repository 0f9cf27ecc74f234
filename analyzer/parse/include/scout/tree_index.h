/* A flat index of one tree's visible nodes, built by one cursor pass before
 * the rules run, so that the questions rules ask of a node (its parent, its
 * n-th child, a field, its siblings, its subtree) cost an array access
 * instead of a tree-sitter search (ts_node_parent starts over from the root;
 * ts_node_named_child and ts_node_child_by_field_id scan the children).
 *
 * One index per thread, for the tree being walked. The scout_node_* calls
 * below answer from it for that tree's nodes and ask tree-sitter for any
 * other node, so they are safe everywhere. */
#ifndef SCOUT_TREE_INDEX_H
#define SCOUT_TREE_INDEX_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#define SCOUT_TIX_NONE UINT32_MAX

typedef struct scout_tix_node {
	TSNode node;
	uint32_t parent;        /* SCOUT_TIX_NONE for the root */
	uint32_t end;           /* one past the last descendant (preorder) */
	uint32_t kids, nkids;   /* all children: offset into the kids array */
	uint32_t named, nnamed; /* named children: offset into the named array */
	uint32_t pos, npos;     /* place among the parent's children, named ones */
	TSFieldId field;        /* the field the parent holds this node in, or 0 */
	TSSymbol symbol;
	bool is_named;
} scout_tix_node;

typedef struct scout_tix {
	const TSTree *tree;
	uint32_t generation;   /* changes with every tree indexed by this thread */
	scout_tix_node *nodes; /* preorder: a subtree is nodes[i .. nodes[i].end) */
	uint32_t len, cap;
	uint32_t *kids, *named; /* node indexes */
	uint32_t kids_cap, named_cap;
	struct scout_tix_slot *slots; /* (id, start byte) -> node index */
	uint32_t slots_cap;           /* allocated */
	uint32_t slots_mask;          /* this tree's part: slots[0 .. mask] */
	const void *last_id;          /* the last node found, and where */
	uint32_t last_start, last;
} scout_tix;

/* Indexes the tree under root (this thread's index, replacing the last one)
 * and returns it. */
const scout_tix *scout_tix_build(TSNode root);
/* Forgets the indexed tree (it may be freed after this). */
void scout_tix_clear(void);
/* Frees this thread's index. */
void scout_tix_release(void);
/* The index of n in this thread's index, or SCOUT_TIX_NONE when n is not a
 * node of the indexed tree. */
uint32_t scout_tix_find(TSNode n);
/* n's subtree (n first) in document order: [*from, *to) in the index's
 * nodes; false, and an empty range, when the index does not hold n. */
bool scout_tix_subtree(TSNode n, uint32_t *from, uint32_t *to);
/* This thread's index (empty when no tree is indexed). */
const scout_tix *scout_tix_current(void);

/* tree-sitter's answers, from the index when it holds n. */
TSNode scout_node_parent(TSNode n);
TSNode scout_node_child(TSNode n, uint32_t index);
uint32_t scout_node_child_count(TSNode n);
uint32_t scout_node_named_child_count(TSNode n);
TSNode scout_node_next_sibling(TSNode n);
TSNode scout_node_prev_sibling(TSNode n);
TSNode scout_node_prev_named_sibling(TSNode n);

#endif
