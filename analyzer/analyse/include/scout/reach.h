/* Reachability as mypy sees it: the conditions mypy evaluates before type
 * checking (mypy/reachability.py), against the Python version and platform
 * it assumes. Code in a branch mypy knows is never taken is not analysed by
 * mypy and not compiled by mypyc. */
#ifndef SCOUT_REACH_H
#define SCOUT_REACH_H

#include "scout/syntax.h"

/* The Python mypy analyses for: python_version and platform from the mypy
 * configuration (else requires-python's lower bound, else a default), and
 * mypy's always_true / always_false names. */
typedef struct scout_target {
	int major, minor;                /* 0.0: SCOUT_TARGET_DEFAULT_* */
	const char *platform;            /* sys.platform; NULL: "linux" */
	const char *const *always_true;  /* NULL-terminated, or NULL */
	const char *const *always_false; /* NULL-terminated, or NULL */
} scout_target;

#define SCOUT_TARGET_DEFAULT_MAJOR    3
#define SCOUT_TARGET_DEFAULT_MINOR    9
#define SCOUT_TARGET_DEFAULT_PLATFORM "linux"

/* What mypy knows of a condition's truth (mypy's truth values). MYPY_TRUE:
 * true for mypy, false at run time (TYPE_CHECKING, MYPY). */
typedef enum scout_truth {
	SCOUT_TRUTH_UNKNOWN,
	SCOUT_TRUTH_ALWAYS_TRUE,
	SCOUT_TRUTH_MYPY_TRUE,
	SCOUT_TRUTH_ALWAYS_FALSE,
	SCOUT_TRUTH_MYPY_FALSE,
} scout_truth;

/* `n` without the parentheses around it, as mypy's tree has it. */
TSNode scout_reach_unwrap(TSNode n);

/* mypy's infer_condition_value for the expression `cond`. */
scout_truth scout_reach_condition(TSNode cond, const char *src, const scout_target *target);

/* For an if_statement: calls skip(ctx, block) for each of its blocks mypy
 * marks unreachable (the consequence, an elif's or the else's block). */
void scout_reach_if(TSNode if_stmt, const char *src, const scout_target *target,
                    void (*skip)(void *ctx, TSNode block), void *ctx);

/* What scout_reach_if_each says of a block of an if statement. */
enum {
	SCOUT_REACH_DEAD = 1,        /* mypy marks it unreachable */
	SCOUT_REACH_AFTER_FALSE = 2, /* every condition before it is always false */
};

/* For an if_statement: calls each(ctx, block, reach) for each of its blocks
 * in document order (the consequence, each elif's, the else's), reach a
 * mask of SCOUT_REACH_*; evaluates each condition once, so a chain of n
 * clauses costs n evaluations. */
void scout_reach_if_each(TSNode if_stmt, const char *src, const scout_target *target,
                         void (*each)(void *ctx, TSNode block, unsigned reach), void *ctx);

/* mypy's assert_will_always_fail: the assert's condition is always false
 * (or false for mypy). At module level mypy drops every statement after
 * such an assert (semanal_pass1.py visit_file): they are neither analysed
 * nor compiled. */
bool scout_reach_assert_fails(TSNode assert_stmt, const char *src, const scout_target *target);

#endif
