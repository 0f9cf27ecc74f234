/* Names imported through the project's own modules, followed to where they
 * are defined, for the scan's second pass: a module whose analysis asked
 * about `pkg.compat.final` learns that it is `typing.final` when
 * pkg/compat.py imports it from there, as mypy binds it. */
#ifndef SCOUT_RESOLVE_H
#define SCOUT_RESOLVE_H

#include "scout/modindex.h"
#include "scout/names.h"

typedef struct scout_resolver {
	scout_scan view;          /* the first pass's modules, borrowed (shallow copies) */
	scout_modindex ix;        /* over view */
	scout_names_resolver api; /* hands scout_resolver_follow to the names layer */
} scout_resolver;

/* A resolver over the n modules (borrowed: they must outlive it and not
 * change while it is used). Free with scout_resolver_free. */
void scout_resolver_init(scout_resolver *r, const scout_module *const *modules, size_t n);
void scout_resolver_free(scout_resolver *r);

/* Writes into out where `name` leads when it leads out of the project
 * through project modules ("pkg.compat.final" -> "typing.final"); false when
 * it stays as it is or ends at a definition in the project (those the link
 * stage follows itself). Thread-safe. */
bool scout_resolver_follow(const scout_resolver *r, const char *name, char *out, size_t cap);

/* True when something m's analysis asked about leads elsewhere, or a class
 * of m has a base whose own bases, in other modules, make it not native (an
 * Enum) or declare ClassVar a name the class assigns (then a ClassVar too):
 * m must be analysed again with the resolver. */
bool scout_resolver_changes(const scout_resolver *r, const scout_module *m);

#endif
