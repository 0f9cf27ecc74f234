/* Name resolution as mypy binds names: what an identifier or dotted name
 * refers to, through `import x as y`, `from x import y as z`, module-level
 * definitions and assignments. mypy binds a module-level name once, at its
 * first binding in code it reaches (an import in a `try:` is the binding; a
 * fallback def in the handler is a redefinition), and skips branches it
 * knows are never taken (scout/reach.h). Built by a cheap pre-pass over
 * module-level statements; names imported from other modules of the project
 * are followed there by a resolver the scan supplies (scout/resolve.h). */
#ifndef SCOUT_NAMES_H
#define SCOUT_NAMES_H

#include "scout/reach.h"
#include "scout/result.h"
#include "scout/syntax.h"

typedef struct scout_name_entry {
	char *local;           /* owned; the bound name */
	char *target;          /* owned; absolute qualified name, e.g. "typing.final" */
	uint32_t line, column; /* where it is bound (1-based, code points) */
	scout_bind_kind kind;
} scout_name_entry;

/* Follows a qualified name imported from a module of the project to where
 * it is defined ("pkg.compat.final" -> "typing.final"): writes the result
 * into out (cap bytes) and returns true when it differs. Read-only, shared
 * by threads. */
typedef struct scout_names_resolver {
	bool (*resolve)(const void *ctx, const char *name, char *out, size_t cap);
	/* What another module of the project says about its class `name` (a
	 * qualified name as imported): why it is not native when its bases make
	 * it so (scout_class_kind: enum, record, metaclass; 0 otherwise), and
	 * whether it or a base declares `attr` ClassVar. */
	uint8_t (*class_kind)(const void *ctx, const char *name);
	bool (*declares_classvar)(const void *ctx, const char *name, const char *attr);
	const void *ctx;
} scout_names_resolver;

typedef struct scout_names_asked scout_names_asked;

typedef struct scout_names {
	scout_name_entry *entries; /* owned, in document order, reachable ones only */
	size_t len, cap;
	const char *module; /* borrowed; this module's dotted name */
	uint32_t *slots;    /* owned; hash of locals: index of the first binding + 1, 0 empty */
	size_t nslots;      /* a power of two, or 0 */
	uint32_t *counts;   /* owned; per slot, how many bindings the name has */
	bool star;          /* the module has a reachable `from m import *` */
	const scout_names_resolver *resolver; /* borrowed; NULL: imports are not followed */
	scout_names_asked *asked;             /* owned; imported names qualified so far (a cache) */
} scout_names;

/* Collects the bindings at module level (including inside module-level
 * if/try/with blocks that mypy reaches for `target`) of the tree into *out.
 * Relative imports are made absolute from `module` (a package's own name
 * when is_package). resolver may be NULL. */
void scout_names_build(scout_names *out, TSNode root, const char *src, const char *module,
                       bool is_package, const scout_target *target,
                       const scout_names_resolver *resolver);
void scout_names_clear(scout_names *names);

/* The binding mypy uses for `local` (len bytes): the first reachable one,
 * or NULL. */
const scout_name_entry *scout_names_lookup(const scout_names *names, const char *local, size_t len);

/* How many reachable bindings (star imports aside) `local` (len bytes) has. */
size_t scout_names_count(const scout_names *names, const char *local, size_t len);

/* The qualified names of imported things asked about so far (before the
 * resolver), sorted and unique, into a new array of owned strings. */
char **scout_names_asked_list(const scout_names *names, size_t *count);

/* Writes the qualified name of `node` (an identifier or a chain of
 * attributes on one) into buf: imported names resolve to their target
 * (followed through the project by the resolver), module-level definitions
 * and variables to "<module>.<name>", anything else to "builtins.<name>". Returns false when node
 * is not such a name or buf is too small. */
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
