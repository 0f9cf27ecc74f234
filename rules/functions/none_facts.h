/* What the rules about variables mypy types None (none_locals.c,
 * none_narrowing.c) know about one function: each name's occurrences in
 * the body, in document order, with what each does (read, `x = None`,
 * another binding, a declaration), and whether the name is a parameter or
 * a local mypy infers. mypyc reports "Local variable "x" has inferred type
 * None; add an annotation" (mypyc/irbuild/expression.py) on a read of a
 * parameter or an unannotated local whose type mypy recorded as None.
 *
 * Reads inside nested functions, lambdas and comprehensions are not looked
 * at (mypy does not narrow closures; the others are left for later). In a
 * function without any annotation mypy checks nothing (without
 * check_untyped_defs) and every variable is Any: `x = None` gives no partial
 * type there, but `x is None` still narrows x to None. Nodes are borrowed
 * from the walked tree. */
#ifndef SCOUT_RULES_NONE_FACTS_H
#define SCOUT_RULES_NONE_FACTS_H

#include "common/defs.h"

/* Names tracked per function. */
#define SCOUT_NONE_MAX_NAMES 64
/* Bindings kept per name (other than `x = None`). */
#define SCOUT_NONE_MAX_BINDS 8

/* What an identifier occurrence does. */
typedef enum scout_none_role {
	SCOUT_NONE_READ,
	SCOUT_NONE_ASSIGN_NONE, /* `x = None`, unannotated */
	SCOUT_NONE_BIND,        /* any other binding, or del */
	SCOUT_NONE_DECLARE,     /* a typed or non-variable binding: annotation, type
	                         * comment, global/nonlocal, import, def, class */
	SCOUT_NONE_NOT_A_USE,   /* an attribute or keyword name */
} scout_none_role;

typedef enum scout_none_kind {
	SCOUT_NONE_UNBOUND, /* only read here: a global or a closure variable */
	SCOUT_NONE_PARAM,
	SCOUT_NONE_LOCAL,
	SCOUT_NONE_DECLARED, /* has a declared type, or is no variable: never reported */
} scout_none_kind;

typedef struct scout_none_name {
	const char *text; /* the name, borrowed from the source */
	uint32_t len;
	scout_none_kind kind;
	bool admits_none;  /* its type may hold None (parameters: from the annotation;
	                    * locals: unless first bound to a literal) */
	bool annotated;    /* a parameter with an annotation */
	bool any;          /* declared Any (a parameter without annotation, any variable of
	                    * a function mypy does not check): assignments do not narrow it */
	bool optional;     /* a parameter annotated with None or Optional */
	bool partial;      /* a local whose first binding is `x = None` */
	bool reported;     /* one finding per name and function */
	TSNode first;      /* a local's first binding */
	TSNode first_bind; /* its first binding other than `x = None`, or null */
	TSNode early_read; /* a partial local's first read before first_bind, or null */
	TSNode binds[SCOUT_NONE_MAX_BINDS]; /* its first bindings other than `x = None` */
	uint32_t nbinds; /* how many (SCOUT_NONE_MAX_BINDS + 1: more than kept) */
} scout_none_name;

typedef struct scout_none_facts {
	TSNode def, body;
	bool checked; /* mypy checks def: it has an annotation */
	scout_none_name names[SCOUT_NONE_MAX_NAMES];
	size_t n;
} scout_none_facts;

/* The facts of def (borrowed: this thread's, until the next def is
 * collected; the rules that run on def share them, and with them which
 * names are reported), or NULL when its body neither assigns None nor
 * compares with it: then no variable in it is None. */
scout_none_facts *scout_none_collect(const scout_walk *w, TSNode def);

/* What the identifier id does, from its parent. */
scout_none_role scout_none_role_of(const scout_walk *w, TSNode id, TSNode parent);

/* The facts of the name the identifier id spells, or NULL. */
scout_none_name *scout_none_find(const scout_walk *w, scout_none_facts *ff, TSNode id);

/* True when the identifier id spells f's name. */
bool scout_none_same_name(const scout_walk *w, const scout_none_name *f, TSNode id);

/* What scout_none_scan_range calls on each identifier; true stops the scan. */
typedef bool (*scout_none_visit)(const scout_walk *w, TSNode id, scout_none_role r, void *arg);

/* Calls visit on the identifiers of nodes [at, end) of the tree index, in
 * document order, with their roles; a nested def or class gives only its
 * name (a declaration), lambdas, comprehensions and annotations nothing.
 * Returns true when visit stopped it. */
bool scout_none_scan_range(const scout_walk *w, uint32_t at, uint32_t end, scout_none_visit visit,
                           void *arg);

/* True for the nodes those scans skip: nested scopes and annotations. */
bool scout_none_skips(const scout_walk *w, TSSymbol t);

/* Reports the read of f at `read` under self; `how` says where it is read
 * ("before its assignment on line 7"); marks f reported. fix NULL: the
 * rule's. */
void scout_none_report(scout_walk *w, const scout_rule *self, scout_none_name *f, TSNode read,
                       const char *how, const char *fix);

/* Which variables a narrowing check looks at. */
typedef enum scout_none_which {
	SCOUT_NONE_LOCALS, /* unannotated locals */
	SCOUT_NONE_PARAMS, /* parameters (annotated ones only before mypyc 1.11) */
} scout_none_which;

/* Reports (under self) the first read of each variable of the kind `which`
 * in a place where mypy narrowed it to None (none_narrowing.c). */
void scout_none_check_narrowing(scout_walk *w, const scout_rule *self, scout_none_facts *ff,
                                scout_none_which which);

/* The fix for a local first assigned None. */
extern const char scout_none_fix_annotate[];

#endif
