/* The setup.py reader's insides: a small evaluator of the Python a setup.py
 * builds its mypycify list with (strings, lists, tuples, os.path, glob,
 * os.listdir/os.walk over the checkout, comprehensions, the project's own
 * functions), shared by setup_value.c (values, scopes), setup_eval.c
 * (statements), setup_expr.c (expressions), setup_builtins.c (the library
 * calls) and setup_paths.c (paths and the file system). Anything else
 * evaluates to an unknown value that carries its line and why; nothing is
 * ever run. */
#ifndef SCOUT_SETUP_EVAL_INTERNAL_H
#define SCOUT_SETUP_EVAL_INTERNAL_H

#include <tree_sitter/api.h>

#include "scout/common.h"
#include "scout/syntax.h"

typedef enum pv_kind {
	PV_NONE, /* first: a zeroed value is None */
	PV_UNKNOWN,
	PV_BOOL,
	PV_INT,
	PV_STR,
	PV_LIST,  /* also a tuple (tuple set) */
	PV_FUNC,  /* a def of setup.py */
	PV_ALIAS, /* an imported name: s is what it names ("os.path.join") */
} pv_kind;

typedef struct pv_list pv_list;

/* A value, passed by value; strings and lists live in the evaluator's arena. */
typedef struct pv {
	pv_kind kind;
	bool b;        /* PV_BOOL */
	bool tuple;    /* PV_LIST read as a tuple */
	long long i;   /* PV_INT */
	const char *s; /* PV_STR, PV_ALIAS; PV_UNKNOWN: why */
	pv_list *list; /* PV_LIST (shared: append mutates every alias) */
	TSNode def;    /* PV_FUNC */
	uint32_t line; /* PV_UNKNOWN: where it was met */
} pv;

struct pv_list {
	pv *items;
	size_t n, cap;
};

typedef struct pv_binding {
	const char *name; /* setup_value.c: arena */
	pv value;
} pv_binding;

typedef struct pv_scope {
	pv_binding *items;
	size_t n, cap;
	struct pv_scope *parent; /* the module's scope for a function; NULL at the top */
} pv_scope;

typedef enum pv_flow { FLOW_NEXT, FLOW_RETURN, FLOW_BREAK, FLOW_CONTINUE, FLOW_STOP } pv_flow;

typedef struct pv_eval {
	const char *src;
	const scout_symbols *s;
	const char *root; /* the checkout on disk; virtual "/" */
	const char *cwd;  /* virtual: the setup.py's directory ("/" or "/sub") */
	const char *file; /* virtual __file__ */
	void **arena;     /* every allocation, freed at the end */
	size_t narena, arena_cap;
	size_t steps;  /* work done; past the budget everything is unknown */
	int depth;     /* project function calls in progress */
	pv ret;        /* FLOW_RETURN's value */
	pv stop;       /* FLOW_STOP: why execution ended (PV_UNKNOWN), or PV_NONE at the target */
	TSNode target; /* the mypycify call to run to */
	pv target_arg; /* its list, once reached */
	pv dropped;    /* what a comprehension's filter or list.remove left out on the way */
	bool reached;
	pv_scope *globals; /* the module's scope */
} pv_eval;

#define PV_STEP_BUDGET 400000u
#define PV_MAX_DEPTH   16
#define PV_MAX_STRING  65536u /* longer strings are unknown */

/* setup_value.c: arena */
void *pv_alloc(pv_eval *ev, size_t n);
const char *pv_strdup(pv_eval *ev, const char *s, size_t n);
const char *pv_printf(pv_eval *ev, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* values */
pv pv_none(void);
pv pv_bool(bool b);
pv pv_str(const char *s);
pv pv_int(long long i);
pv pv_new_list(pv_eval *ev, bool tuple);
void pv_list_push(pv_eval *ev, pv list, pv item);
/* Appends v's items to list; an unknown v is appended as it is (the list
 * then holds something unread), any other value as unknown for `why`. */
void pv_list_extend(pv_eval *ev, pv list, pv v, TSNode at, const char *why);
pv pv_unknown(pv_eval *ev, TSNode at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Truthiness: 1 true, 0 false, -1 unknown. */
int pv_truth(pv v);
bool pv_equal(pv a, pv b);
/* The text of a node, copied into the arena. */
const char *pv_text(pv_eval *ev, TSNode n);

/* scopes */
pv *pv_lookup(pv_scope *sc, const char *name);
void pv_bind(pv_eval *ev, pv_scope *sc, const char *name, pv v);

/* setup_expr.c */
pv pv_expr(pv_eval *ev, pv_scope *sc, TSNode n);
/* Binds a for target (a name or a tuple of names) to v. */
void pv_bind_target(pv_eval *ev, pv_scope *sc, TSNode target, pv v);

/* setup_eval.c */
pv_flow pv_block(pv_eval *ev, pv_scope *sc, TSNode block);
pv pv_call_def(pv_eval *ev, pv_scope *sc, TSNode def, TSNode call);

/* setup_builtins.c: `name` is the callee's full dotted name after import
 * aliases ("os.path.join"); true, with *out set, when it knows it. */
bool pv_builtin(pv_eval *ev, pv_scope *sc, const char *name, TSNode call, pv *out);
/* A method call on a value: str.endswith/startswith/replace/join, or a
 * list's append/extend/sort/insert/remove/reverse. */
bool pv_method(pv_eval *ev, pv_scope *sc, pv self, const char *method, TSNode call, pv *out);
/* The positional argument `index` or keyword `kw` of a call, evaluated;
 * *found false when absent. */
pv pv_arg(pv_eval *ev, pv_scope *sc, TSNode call, uint32_t index, const char *kw, bool *found);

/* setup_paths.c: virtual paths start at '/', the checkout's root. */
/* Normalises like os.path.normpath on an absolute path; NULL when ".."
 * climbs above the root. */
const char *pv_path_norm(pv_eval *ev, const char *abs);
/* A path as the build sees it (relative to cwd, or virtual absolute),
 * made virtual absolute and normalised; NULL above the root. */
const char *pv_path_abs(pv_eval *ev, const char *path);
const char *pv_path_join(pv_eval *ev, const char *a, const char *b);
const char *pv_path_dirname(pv_eval *ev, const char *p);
const char *pv_path_basename(pv_eval *ev, const char *p);
const char *pv_path_relpath(pv_eval *ev, const char *path, const char *start);
/* 1 directory, 2 regular file, 0 neither (symbolic links are not followed) */
int pv_path_kind(pv_eval *ev, const char *path);
/* Sorted names in a directory (os.listdir); unknown when unreadable. */
pv pv_path_listdir(pv_eval *ev, TSNode at, const char *path);
/* os.walk(top) as a list of (dirpath, dirnames, filenames) tuples, top-down,
 * names sorted. */
pv pv_path_walk(pv_eval *ev, TSNode at, const char *top);
/* glob.glob(pattern, recursive=...), sorted. */
pv pv_path_glob(pv_eval *ev, TSNode at, const char *pattern, bool recursive);

/* setup_cond.c: when the build reaches `call`, from the if statements and
 * conditional expressions around it ("MYPY_USE_MYPYC=1"); owned by caller,
 * free with free(); NULL when unconditional. */
char *pv_condition(const char *src, const scout_symbols *s, TSNode root, TSNode call);

#endif
