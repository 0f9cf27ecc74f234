/* The one cursor walk over a module's tree, and the context it hands to the
 * metrics and the rules at every node. */
#ifndef SCOUT_WALK_H
#define SCOUT_WALK_H

#include "scout/result.h"
#include <stdio.h>

#include "scout/names.h"
#include "scout/reach.h"
#include "scout/syntax.h"

typedef struct scout_rule scout_rule;

/* A mypyc version as one comparable number. */
#define SCOUT_V(major, minor, patch) ((uint32_t)(major)*1000000u + (minor)*1000u + (patch))
/* Formats a SCOUT_V version as "X.Y.Z" into buf. */
static inline void scout_version_format(uint32_t v, char *buf, size_t cap)
{
	snprintf(buf, cap, "%u.%u.%u", v / 1000000, v / 1000 % 1000, v % 1000);
}

/* The newest mypyc the rule catalog describes: the default target. */
#define SCOUT_MYPYC_CURRENT SCOUT_V(2, 3, 0)

/* Which rules run, and for which mypyc. Shared, read-only during a scan. */
typedef struct scout_path_ignore scout_path_ignore;
typedef struct scout_mypy_config scout_mypy_config;

typedef struct scout_rule_config {
	uint32_t mypyc_version;                /* SCOUT_V(...); 0 means SCOUT_MYPYC_CURRENT */
	const bool *enabled;                   /* per rule, in scout_rules_all() order; NULL: all */
	const scout_path_ignore *path_ignores; /* per-path-ignores from the config */
	size_t npath_ignores;
	bool report_unused_ignores; /* report suppressions that hide nothing */
	scout_target target;        /* the Python mypy analyses for (reachability) */
	/* Follows names imported from the project's modules (a scan's second
	 * pass); NULL: they stay as imported. */
	const scout_names_resolver *resolver;
	/* Borrowed; the project's mypy configuration, for the ignore_errors and
	 * disable_error_code that hide mypy errors in a module; NULL: none. */
	const scout_mypy_config *mypy;
} scout_rule_config;

/* An inline `# mypyc-scout: ignore[...]` comment. */
typedef struct scout_suppression {
	uint32_t line, column, end_column;
	char *ids;    /* owned; comma-separated ids, or NULL for a bare ignore */
	bool used;    /* it hid at least one finding */
	bool unknown; /* it names an id no rule has (reported as such) */
} scout_suppression;

/* A module-level class definition (decorated or not), found once per walk so
 * rules can look a class up by name without scanning the module. */
typedef struct scout_walk_class {
	const char *name; /* borrowed from the source */
	uint32_t len;
	TSNode node; /* the class_definition */
} scout_walk_class;

/* Facts a caller derives about a node and keeps for the rest of the
 * module's walk are named by a tag the caller owns: one
 * `static const scout_memo_tag x = {"what it holds"};` beside its uses,
 * passed as &x. Tags of different owners never collide, and the walk lists
 * none of them. */
typedef struct scout_memo_tag {
	const char *what;
} scout_memo_tag;

/* Where mypy reports an error that a finding of a mypy-error rule
 * (scout_rule.mypy_codes) stands for, and under which code. */
typedef struct scout_mypy_error {
	/* Static; the error's code, or the code and those it is a sub-code of
	 * ("method-assign,assignment"): a type ignore or a disable naming any
	 * of them hides it. NULL: the rule's mypy_codes. */
	const char *codes;
	/* The lines on which a `# type: ignore` hides it (mypy's origin span: the
	 * error's line, or every line of an expression it is reported on);
	 * first_line 0: the finding's first line. */
	uint32_t first_line, last_line;
} scout_mypy_error;

typedef struct scout_walk_memo scout_walk_memo;
typedef struct scout_type_ignores scout_type_ignores;
typedef struct scout_walk scout_walk;
struct scout_rule_plan; /* the visitor's per-configuration state */

/* What the walk calls besides its own collectors: the rules, handed down by
 * the analysis step (scout_rules_visitor in rules/registry.h), so that this
 * layer never includes them. */
typedef struct scout_walk_visitor {
	/* True when enter wants nodes of type t; asked once per type and walk. */
	bool (*wants)(TSSymbol t);
	/* Called on entering every node of a wanted type. */
	void (*enter)(scout_walk *w, TSNode node);
	/* Frees the state the visitor keeps in w->plan. */
	void (*release)(struct scout_rule_plan *plan);
	/* Whether the len bytes at `id` name a rule, for the ids of suppression
	 * comments; when not, *near is the nearest rule id or category (static)
	 * or NULL. NULL: every id counts as known. */
	bool (*knows)(const char *id, size_t len, const char **near);
} scout_walk_visitor;

struct scout_walk {
	const char *src; /* borrowed source bytes, for node texts */
	size_t len;
	const scout_symbols *sym;
	TSNode *stack;        /* ancestors; stack[depth - 1] is the current node */
	uint32_t *at;         /* their places in the tree index (scout/tree_index.h) */
	const scout_tix *tix; /* the index of the tree being walked */
	uint32_t depth, cap;
	TSSymbol symbol;                 /* the symbol of the node being entered */
	uint32_t in_type;                /* > 0 inside a type annotation */
	uint32_t in_def;                 /* defs around the current node (runtime.c) */
	uint32_t def_loops;              /* for/while loops around it inside a def (runtime.c) */
	uint32_t in_raise;               /* raise statements around it: an error path (runtime.c) */
	scout_module *module;            /* where findings and metrics go */
	bool has_error;                  /* a certain syntax error was reported */
	const scout_names *names;        /* this module's name bindings */
	const scout_rule_config *config; /* rule selection and mypyc version */
	scout_suppression *suppressions; /* owned; collected during the walk */
	size_t nsuppressions, suppressions_cap;
	scout_walk_class *classes; /* owned; module-level classes in document order (this module) */
	size_t nclasses, classes_cap;
	uint32_t *cp_marks; /* owned; code points before each 256-byte block of src */
	size_t cp_marks_cap, cp_marks_len; /* len: marks valid for this module (its walk) */
	uint32_t *scopes; /* owned; stack depths of the classes, defs and lambdas open */
	size_t nscopes, scopes_cap;
	uint32_t *named; /* owned; the same for the classes and defs (the fingerprint's scope) */
	size_t nnamed, named_cap;
	uint32_t *class_slots;  /* owned; open addressing by name: 1 + index in classes, 0 empty */
	size_t class_slots_cap; /* a power of two, at least twice nclasses, or 0 */
	scout_walk_memo *memo;  /* owned; emptied at the start of each module */
	scout_type_ignores *type_ignores;  /* owned; the module's type ignores and mypy errors */
	const scout_walk_visitor *visitor; /* borrowed; NULL: no rules */
	struct scout_rule_plan *plan;      /* owned by the visitor; its state under plan_for */
	const scout_rule_config *plan_for;
	uint16_t *hooks; /* owned; what the walk does on entering each node type */
	uint32_t nhooks;
	uint32_t dead_end;  /* nodes before this tree index are in a block mypy never reaches */
	uint32_t dead_from; /* from this tree index on, all is dead (after a failing assert) */
	struct {            /* the last attribute chain scout_walk_head_bound walked */
		uint32_t start, end; /* its head's start, its outermost attribute's end */
		bool bound, valid;
	} chain;

	struct {                     /* where the grammar first fails (syntax_check.c) */
		uint32_t line;       /* 1-based; 0 while the tree has no ERROR/MISSING */
		uint32_t start, end; /* the bytes of that ERROR node */
	} gap;
};

/* The qualified name of an identifier or dotted name (see scout/names.h). */
static inline bool scout_walk_is(const scout_walk *w, TSNode node, const char *const *any)
{
	return scout_names_is(w->names, node, w->src, any);
}

/* The ancestor `up` levels above the current node (1 = parent), or a null
 * node past the root. */
static inline TSNode scout_walk_ancestor(const scout_walk *w, uint32_t up)
{
	TSNode null_node = {{0}, 0, 0};

	return up < w->depth ? w->stack[w->depth - 1 - up] : null_node;
}

/* ts_node_symbol of that ancestor, from the tree index; 0 past the root. */
static inline TSSymbol scout_walk_ancestor_symbol(const scout_walk *w, uint32_t up)
{
	return up < w->depth ? w->tix->nodes[w->at[w->depth - 1 - up]].symbol : 0;
}

/* The nearest ancestor `from` or more levels up that is a class, def or
 * lambda, and its symbol into *symbol (0 and a null node when none is): from
 * the walk's stack of those, not a climb through every ancestor. */
TSNode scout_walk_enclosing_scope(const scout_walk *w, uint32_t from, TSSymbol *symbol);

/* Whether the head of the attribute chain `node` (`a` of `a.b.c`) is a name
 * bound in this module (scout_names_head_bound), in time independent of the
 * chain's depth for the chain's inner attributes, which the walk enters
 * after the outer one. */
bool scout_walk_head_bound(scout_walk *w, TSNode node);

/* True when the def being entered is a method: the nearest scope around it
 * (past decorators, blocks and compound statements) is a class body.
 * *decorated is its decorated_definition, or a null node. */
bool scout_walk_def_is_method(const scout_walk *w, TSNode *decorated);

/* The value memoised for (node, tag) in this module's walk into *value;
 * false when there is none. */
bool scout_walk_memo_get(const scout_walk *w, TSNode node, const scout_memo_tag *tag,
                         uint32_t *value);

/* Memoises value for (node, tag) until the module's walk ends. A cache, so
 * allowed through a const walk. */
void scout_walk_memo_put(const scout_walk *w, TSNode node, const scout_memo_tag *tag,
                         uint32_t value);

/* The same, keyed by a node's id and any 32-bit key in place of its start. */
bool scout_walk_memo_get_key(const scout_walk *w, const void *id, uint32_t key,
                             const scout_memo_tag *tag, uint32_t *value);
void scout_walk_memo_put_key(const scout_walk *w, const void *id, uint32_t key,
                             const scout_memo_tag *tag, uint32_t value);

/* True while the walk is inside a block mypy never reaches (a branch of an
 * if statement it decides against the target Python): mypy does not analyse
 * that code and mypyc does not compile it, so the rules are not called. */
static inline bool scout_walk_in_dead_code(const scout_walk *w)
{
	return w->depth && w->at[w->depth - 1] < w->dead_end;
}

/* What mypy knows of `block`, a block of an if/elif/else: a mask of
 * SCOUT_REACH_* (scout/reach.h), from the one evaluation of its if
 * statement the walk makes on entering it; 0 for any other node. */
unsigned scout_walk_block_reach(const scout_walk *w, TSNode block);

/* FNV-1a of a name's len bytes (the class table's hash). */
uint32_t scout_walk_name_hash(const char *name, uint32_t len);

/* Frees what the walk owns (stack, suppressions, classes, memo); the walk
 * itself belongs to the caller. */
void scout_walk_release(scout_walk *w);

/* 1-based line and code-point column where `node` starts. */
void scout_walk_node_start(const scout_walk *w, TSNode node, uint32_t *line, uint32_t *column);

/* 1-based line and code-point column just past the end of `node`. */
void scout_walk_node_end(const scout_walk *w, TSNode node, uint32_t *line, uint32_t *column);

/* Records a finding of `rule` spanning `node`. message and fix are copied;
 * fix NULL means the rule's own fix text. A finding of a mypy-error rule
 * stands for an error under the rule's codes on its first line. */
void scout_walk_report(scout_walk *w, const scout_rule *rule, TSNode node, const char *message,
                       const char *fix);

/* The same for a mypy-error rule whose error's codes or lines differ from
 * its defaults: the finding stands for the `nerrors` errors at `errors`
 * (borrowed for the call; SCOUT_MYPY_ERRORS_MAX at most), and goes only
 * when mypy would hide each. */
#define SCOUT_MYPY_ERRORS_MAX 2
void scout_walk_report_mypy(scout_walk *w, const scout_rule *rule, TSNode node,
                            const scout_mypy_error *errors, size_t nerrors, const char *message,
                            const char *fix);

/* Walks the indexed tree once (scout_tix_build, this thread's index); feeds
 * annotations, imports, class facts, syntax errors and the visitor (the
 * rules), then clears the index and applies the suppressions. */
void scout_walk_module(scout_walk *w, const scout_tix *tix);

#endif
