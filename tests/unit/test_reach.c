/* Reachability as mypy infers it (scout/reach.h), against mypy's own table
 * of cases (mypy/reachability.py: consider_sys_version_info,
 * consider_sys_platform, infer_condition_value), for Python 3.9 on Linux
 * unless a case says otherwise. */
#include "scout/reach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"

static TSParser *parser;

/* The truth of the condition of `if <cond>:` for the target. */
static scout_truth truth_of(const char *cond, const scout_target *t)
{
	char src[512];
	TSTree *tree;
	TSNode if_stmt;
	scout_truth v;

	snprintf(src, sizeof(src), "if %s:\n    pass\n", cond);
	tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
	if_stmt = ts_node_named_child(ts_tree_root_node(tree), 0);
	v = scout_reach_condition(ts_node_child_by_field_name(if_stmt, "condition", 9), src, t);
	ts_tree_delete(tree);
	return v;
}

#define T  SCOUT_TRUTH_ALWAYS_TRUE
#define F  SCOUT_TRUTH_ALWAYS_FALSE
#define MT SCOUT_TRUTH_MYPY_TRUE
#define MF SCOUT_TRUTH_MYPY_FALSE
#define U  SCOUT_TRUTH_UNKNOWN

static void expect(const char *cond, const scout_target *t, scout_truth want)
{
	scout_truth got = truth_of(cond, t);

	if (got != want)
		fprintf(stderr, "  %s: got %d, want %d\n", cond, (int)got, (int)want);
	CHECK(got == want);
}

static void test_version_info(void)
{
	scout_target py39 = {3, 9, "linux", NULL, NULL};

	expect("sys.version_info >= (3, 8)", &py39, T);
	expect("sys.version_info >= (3, 10)", &py39, F);
	expect("sys.version_info < (3, 9)", &py39, F);
	expect("(3, 8) <= sys.version_info", &py39, T); /* operands reversed */
	expect("sys.version_info > (3,)", &py39, T);
	expect("sys.version_info == (3, 9)", &py39, T);
	expect("sys.version_info[0] == 3", &py39, T);
	expect("sys.version_info[1] >= 10", &py39, F);
	expect("sys.version_info[2] >= 1", &py39, U); /* only major and minor are known */
	expect("sys.version_info[:2] >= (3, 9)", &py39, T);
	expect("sys.version_info[0:1] == (3,)", &py39, T);
	expect("sys.version_info[:2] == (3,)", &py39, U);    /* lengths differ for == */
	expect("sys.version_info >= (3, 8, 1)", &py39, U);   /* a longer tuple */
	expect("sys.version_info >= (3, 8) >= x", &py39, U); /* chained */
	expect("version_info >= (3, 8)", &py39, U);          /* not sys.version_info */
	expect("(sys.version_info >= (3, 8))", &py39, T);
}

static void test_platform(void)
{
	scout_target linux = {3, 9, "linux", NULL, NULL}, win = {3, 9, "win32", NULL, NULL};

	expect("sys.platform == \"win32\"", &linux, F);
	expect("sys.platform != 'win32'", &linux, T);
	expect("sys.platform == \"win32\"", &win, T);
	expect("sys.platform.startswith(\"lin\")", &linux, T);
	expect("sys.platform.startswith(\"darwin\")", &linux, F);
	expect("sys.platform.startswith((\"a\", \"b\"))", &linux, U);
	expect("sys.platform < \"z\"", &linux, U);
}

static void test_names_and_operators(void)
{
	static const char *const on[] = {"FAST", NULL}, *const off[] = {"SLOW", NULL};
	scout_target t = {3, 9, "linux", on, off};

	expect("TYPE_CHECKING", &t, MT);
	expect("typing.TYPE_CHECKING", &t, MT);
	expect("not TYPE_CHECKING", &t, MF);
	expect("MYPY", &t, MT);
	expect("PY2", &t, F);
	expect("six.PY3", &t, T);
	expect("FAST", &t, T);
	expect("not SLOW", &t, T);
	expect("other", &t, U);
	expect("True", &t, T);
	expect("False", &t, F);
	/* `a and b`: b decides when a is true; else a does (mypy's rule) */
	expect("sys.version_info >= (3, 8) and TYPE_CHECKING", &t, MT);
	expect("sys.version_info < (3, 8) and x", &t, F);
	expect("x and sys.platform == 'win32'", &t, U);
	expect("sys.platform == 'win32' or TYPE_CHECKING", &t, MT);
	expect("PY3 or x", &t, T);
}

/* The blocks of an if statement mypy skips. */
static void collect(void *ctx, TSNode block)
{
	uint32_t *rows = ctx;

	rows[rows[0] + 1] = ts_node_start_point(block).row;
	rows[0]++;
}

static void test_if_chain(void)
{
	const char *src = "if sys.version_info < (3, 8):\n    a = 1\n"
	                  "elif TYPE_CHECKING:\n    b = 1\n"
	                  "elif x:\n    c = 1\n"
	                  "else:\n    d = 1\n";
	scout_target py39 = {3, 9, "linux", NULL, NULL};
	TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
	uint32_t rows[8] = {0};

	scout_reach_if(ts_node_named_child(ts_tree_root_node(tree), 0), src, &py39, collect, rows);
	/* the if's body (false), and everything after the mypy-true elif */
	CHECK_INT(rows[0], 3);
	CHECK_INT(rows[1], 1);
	CHECK_INT(rows[2], 5);
	CHECK_INT(rows[3], 7);
	ts_tree_delete(tree);
}

/* Each block with its mask: the if's body, each elif's, the else's. */
static void collect_each(void *ctx, TSNode block, unsigned reach)
{
	uint32_t *rows = ctx;

	rows[2 * rows[0] + 1] = ts_node_start_point(block).row;
	rows[2 * rows[0] + 2] = reach;
	rows[0]++;
}

static void test_if_each(void)
{
	const char *src = "if sys.platform == 'win32':\n    a = 1\n"
	                  "elif sys.version_info < (3,):\n    b = 1\n"
	                  "elif x:\n    c = 1\n"
	                  "elif sys.version_info >= (3, 8):\n    d = 1\n"
	                  "else:\n    e = 1\n";
	scout_target py39 = {3, 9, "linux", NULL, NULL};
	TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
	uint32_t rows[16] = {0};

	scout_reach_if_each(ts_node_named_child(ts_tree_root_node(tree), 0), src, &py39,
	                    collect_each, rows);
	CHECK_INT(rows[0], 5);
	/* both false: dead, and nothing true before them */
	CHECK_INT(rows[2], SCOUT_REACH_DEAD | SCOUT_REACH_AFTER_FALSE);
	CHECK_INT(rows[4], SCOUT_REACH_DEAD | SCOUT_REACH_AFTER_FALSE);
	/* `elif x:` is taken whenever it is reached, and it always is */
	CHECK_INT(rows[5], 5);
	CHECK_INT(rows[6], SCOUT_REACH_AFTER_FALSE);
	/* after the unknown `x`: reachable, but not always */
	CHECK_INT(rows[8], 0);
	/* after an always true condition: dead */
	CHECK_INT(rows[9], 9);
	CHECK_INT(rows[10], SCOUT_REACH_DEAD);
	ts_tree_delete(tree);
}

/* mypy's assert_will_always_fail on `assert <cond>` (with a message). */
static bool assert_fails(const char *stmt, const scout_target *t)
{
	TSTree *tree = ts_parser_parse_string(parser, NULL, stmt, (uint32_t)strlen(stmt));
	bool fails =
	    scout_reach_assert_fails(ts_node_named_child(ts_tree_root_node(tree), 0), stmt, t);

	ts_tree_delete(tree);
	return fails;
}

static void test_assert(void)
{
	scout_target py39 = {3, 9, "linux", NULL, NULL};

	CHECK(assert_fails("assert sys.version_info >= (3, 10)\n", &py39));
	CHECK(assert_fails("assert sys.platform == 'win32', 'Windows only'\n", &py39));
	CHECK(assert_fails("assert not TYPE_CHECKING\n", &py39)); /* mypy false */
	/* False is a plain name to assert_will_always_fail */
	CHECK(!assert_fails("assert False\n", &py39));
	CHECK(!assert_fails("assert False or sys.platform == 'win32'\n", &py39));
	CHECK(!assert_fails("assert sys.version_info >= (3, 8)\n", &py39));
	CHECK(!assert_fails("assert sys.platform.startswith('linux')\n", &py39));
	CHECK(!assert_fails("assert x\n", &py39));
	CHECK(!assert_fails("x = 1\n", &py39)); /* not an assert */
}

int main(void)
{
	parser = ts_parser_new();
	ts_parser_set_language(parser, tree_sitter_python());
	test_version_info();
	test_platform();
	test_names_and_operators();
	test_if_chain();
	test_if_each();
	test_assert();
	ts_parser_delete(parser);
	return check_report("test_reach");
}
