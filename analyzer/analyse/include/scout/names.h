/* Name resolution inside one module: what an identifier or dotted name refers
 * to, through `import x as y`, `from x import y as z` and module-level
 * definitions. Built by a cheap pre-pass over module-level statements. */
#ifndef SCOUT_NAMES_H
#define SCOUT_NAMES_H

#include "scout/syntax.h"

typedef struct scout_name_entry {
	char *local;  /* owned; the bound name */
	char *target; /* owned; qualified name, e.g. "typing.final"; relative imports keep dots */
	uint32_t line, column; /* where it is bound (1-based, code points) */
} scout_name_entry;

typedef struct scout_names {
	scout_name_entry *entries; /* owned, in document order; the last binding wins */
	size_t len, cap;
	const char *module; /* borrowed; this module's dotted name */
	uint32_t *slots;    /* owned; hash of locals: index of the last binding + 1, 0 empty */
	size_t nslots;      /* a power of two, or 0 */
} scout_names;

/* Collects the imports and definitions at module level (including inside
 * module-level if/try/with blocks) of the tree into *out. */
void scout_names_build(scout_names *out, TSNode root, const char *src, const char *module);
void scout_names_clear(scout_names *names);

/* Writes the qualified name of `node` (an identifier or a chain of
 * attributes on one) into buf: imported names resolve to their target,
 * module-level definitions to "<module>.<name>", anything else to
 * "builtins.<name>". Returns false when node is not such a name or buf is
 * too small. */
bool scout_names_qualify(const scout_names *names, TSNode node, const char *src, char *buf,
                         size_t cap);

/* True when `node` (an identifier, or a chain of attributes on one) starts
 * with a name bound here, imported or defined at module level: false for
 * anything that qualifies to "builtins.<name>..." or to nothing. Cheaper
 * than scout_names_qualify for callers that skip builtins. */
bool scout_names_head_bound(const scout_names *names, TSNode node, const char *src);

/* The quick test scout_names_is starts with, in two halves for callers
 * that test one node against many lists: a name's "tail" is a hash, in
 * 0..255, of its last component ("x" of "a.b.x").
 * scout_names_tail: the tail of what `node` can qualify to (an attribute's
 * name, or the last component of an identifier's qualified name), or
 * SCOUT_NAMES_ANY_TAIL when it cannot tell (a null node, another kind).
 * scout_names_tail_bits: sets the bits of the tails of a list's names in a
 * 256-bit filter. A node whose tail's bit is clear cannot qualify to any
 * of the names. */
#define SCOUT_NAMES_ANY_TAIL 256u
uint32_t scout_names_tail(const scout_names *names, TSNode node, const char *src);
void scout_names_tail_bits(const char *const *any, uint64_t bits[4]);

/* True when `node` qualifies to one of the NULL-terminated names given.
 * `any` must not change (a static list): a filter of its names is kept per
 * thread by its address. */
bool scout_names_is(const scout_names *names, TSNode node, const char *src, const char *const *any);

#endif
