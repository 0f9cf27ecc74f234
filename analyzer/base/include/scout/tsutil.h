/* tree-sitter helpers that know no grammar: a one-shot parse, and the step
 * of a preorder walk with a tree cursor (no recursion, so deep trees cannot
 * exhaust the stack):
 *
 *     TSTreeCursor c = ts_tree_cursor_new(root);
 *     do
 *             visit(ts_tree_cursor_current_node(&c));
 *     while (scout_ts_cursor_next(&c, true));
 *     ts_tree_cursor_delete(&c);
 */
#ifndef SCOUT_TSUTIL_H
#define SCOUT_TSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

/* Parses `len` bytes of src with `lang`, giving up after 10 seconds. Returns
 * the tree (owned by caller, free with ts_tree_delete), or NULL when the
 * parse gave up or src is over 4 GiB. */
TSTree *scout_ts_parse(const TSLanguage *lang, const char *src, size_t len);

/* Makes tree-sitter allocate through scout_malloc and friends, so that it
 * runs out of memory as the rest does (exit 2 with a message) rather than
 * with its own abort. Once, before any parser exists (not thread-safe). */
void scout_ts_use_our_allocator(void);

/* Moves c to the next node of the walk: into the current node's first child
 * when `descend` (false skips its subtree), else to the next sibling of the
 * node or of its nearest ancestor that has one. Returns false, with c back
 * on the node it was created on, when the walk is over. */
bool scout_ts_cursor_next(TSTreeCursor *c, bool descend);

#endif
