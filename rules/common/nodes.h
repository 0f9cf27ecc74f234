/* Node questions the rules share, on top of scout/syntax.h and
 * scout/tree_index.h: the null node, node texts for messages and
 * comparisons, null-safe symbol and field tests, and call arguments. */
#ifndef SCOUT_RULES_NODES_H
#define SCOUT_RULES_NODES_H

#include "scout/walk.h"

/* The null node (ts_node_is_null is true of it). */
#define SCOUT_NULL_NODE ((TSNode){{0}, 0, 0})

/* Node texts for messages. A text is cut at its first line end and to a
 * width (never inside a UTF-8 sequence), and a cut text ends in "…", so a
 * reader knows it is not the whole name; a plain name (letters, digits, `_`
 * and `.`) is cut only past SCOUT_NODES_NAME_MAX bytes. The texts live in a
 * small per-thread ring: valid for the next few calls, enough for one
 * message's printf. */
#define SCOUT_NODES_NAME_MAX  120
#define SCOUT_NODES_RING_TEXT 256 /* bytes a ring text holds, with "…" and NUL */

/* A node's text for messages, cut to 60 bytes (a null node: ""), as the
 * two printf arguments of "%.*s": printf("%.*s", SCOUT_TEXT_ARG(n, src)). */
#define SCOUT_TEXT_ARG(n, src) SCOUT_NODES_RING_TEXT, scout_nodes_text_cut(n, src, 60)

/* The node's text cut to `max` bytes as above, NUL-terminated, in the ring;
 * "" for a null node. */
const char *scout_nodes_text_cut(TSNode n, const char *src, uint32_t max);

/* A node's text in *text (in the ring), and its length, cut to 80 bytes,
 * for "%.*s" in messages. */
int scout_nodes_clip(TSNode n, const char *src, const char **text);

/* The same cut to 60 bytes; "?" for a null node. */
int scout_nodes_clip_line(TSNode n, const char *src, const char **text);

/* True when n is not null and of symbol s. */
static inline bool scout_nodes_is(TSNode n, TSSymbol s)
{
	return !ts_node_is_null(n) && ts_node_symbol(n) == s;
}

/* scout_node_field of a node that may be null (then null). */
static inline TSNode scout_nodes_field(TSNode n, TSFieldId id)
{
	return ts_node_is_null(n) ? n : scout_node_field(n, id);
}

/* True when the texts of two nodes are the same bytes. */
bool scout_nodes_same_text(const scout_walk *w, TSNode a, TSNode b);

/* True when the text of n is the len bytes at s. */
bool scout_nodes_text_eq(TSNode n, const char *src, const char *s, uint32_t len);

/* How many arguments an argument list holds (comments skipped); 1 for the
 * generator expression of `f(x for x in y)`, 0 for a null node. */
uint32_t scout_nodes_argument_count(const scout_walk *w, TSNode args);

/* True when `n` is a plain str literal (no f/b/t prefix), alone or implicitly
 * concatenated. */
bool scout_nodes_str_literal(const scout_walk *w, TSNode n);

/* The text of a plain string literal's content, or false. */
bool scout_nodes_str_content(const scout_walk *w, TSNode n, const char **text, uint32_t *len);

/* The index-th argument of an argument list (comments skipped), or null. */
TSNode scout_nodes_argument_at(const scout_walk *w, TSNode args, uint32_t index);

/* The text of the identifier `ident` when it is one of `words`
 * (NULL-terminated), else NULL: a cheap first test for the checks on
 * identifiers. */
const char *scout_nodes_word_of(const scout_walk *w, TSNode ident, const char *const *words);

/* The call whose callee the identifier `ident` (the current node) ends
 * (`f(...)`, `mod.f(...)`) when that callee qualifies to one of `names`, or
 * null. */
TSNode scout_nodes_call_to(const scout_walk *w, TSNode ident, const char *const *names);

/* True when the text of n holds the nlen bytes of needle. */
bool scout_nodes_contains(const scout_walk *w, TSNode n, const char *needle, size_t nlen);

/* True inside the body of an `if TYPE_CHECKING:` (mypy marks it mypy-only
 * and mypyc builds no import for it): checked on the current node's
 * ancestors. */
bool scout_nodes_mypy_only(const scout_walk *w);

#endif
