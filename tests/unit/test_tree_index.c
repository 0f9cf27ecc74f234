/* The tree index answers every question exactly as tree-sitter does: for
 * every node of every fixture (rule cases, fuzz crash inputs with broken
 * trees, hostile inputs, and the sources below), its parent, children, named
 * children, fields, siblings and subtree range; and nodes of another tree,
 * or any node once the index is cleared, get tree-sitter's own answers.
 *
 *     test_tree_index [FILE...]   also checks these files (e.g. a whole
 *                                 standard library: find ... -name '*.py')
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "scout/source.h"
#include "scout/syntax.h"
#include "scout/tree_index.h"

static const char *const sources[] = {
    "", /* an empty module: the root alone */
    "def f(a, *, b: int = 1, **kw) -> None:  # type: ignore\n"
    "    x = (yield a)  # c\n"
    "    return [y for y in kw if y] or {k: v for k, v in kw.items()}\n",
    "class C(B, metaclass=M):\n    @d\n    def m(self): ...\n    x: int = 1; y = 2\n",
    "if a:\n  pass\nelif b:\n  pass\nelse:\n  try: x\n  except* E as e: y\n  finally: z\n",
    "match p:\n    case [1, *r] | {'k': v} if v: pass\n    case C(a=1): pass\n",
    "x = f'{a!r:>{w}}' 'b' rb'c'\nprint >>sys.stderr, 'x'\nexec 'code'\n",
    "def f(:\n    return )\nclass (:\n", /* errors and missing nodes */
    "lambda: (lambda x=1, *a: x)(**{})\n@a.b(c)\nclass D: pass\n",
};

static bool same(TSNode a, TSNode b)
{
	return ts_node_is_null(a) ? ts_node_is_null(b) : ts_node_eq(a, b);
}

static uint32_t subtree_size(TSNode n)
{
	TSTreeCursor c = ts_tree_cursor_new(n);
	uint32_t count = 1, depth = 0;

	for (;;) {
		if (ts_tree_cursor_goto_first_child(&c)) {
			depth++;
			count++;
			continue;
		}
		while (depth && !ts_tree_cursor_goto_next_sibling(&c)) {
			ts_tree_cursor_goto_parent(&c);
			depth--;
		}
		if (!depth)
			break;
		count++;
	}
	ts_tree_cursor_delete(&c);
	return count;
}

/* Names the first few questions answered differently. */
static int differs(TSNode n, const char *question)
{
	static int shown;

	if (shown++ < 20)
		fprintf(stderr, "  %s of %s at byte %u differs\n", question, ts_node_type(n),
		        ts_node_start_byte(n));
	return 1;
}

#define ASK(cond, question) ((cond) ? 0 : differs(n, question))

/* n's place among its parent's children (tree-sitter's ts_node_child list). */
static uint32_t place(TSNode parent, TSNode n)
{
	uint32_t count = ts_node_child_count(parent);

	for (uint32_t i = 0; i < count; i++)
		if (ts_node_eq(ts_node_child(parent, i), n))
			return i;
	return count;
}

static TSNode none(void)
{
	TSNode n = {{0}, 0, 0};

	return n;
}

/* The sibling answers expected from the parent's children list. */
static void siblings(TSNode parent, TSNode n, TSNode *next, TSNode *prev, TSNode *prev_named)
{
	uint32_t at = ts_node_is_null(parent) ? 0 : place(parent, n);

	*next = *prev = *prev_named = none();
	if (ts_node_is_null(parent))
		return;
	*next = at + 1 < ts_node_child_count(parent) ? ts_node_child(parent, at + 1) : none();
	*prev = at > 0 ? ts_node_child(parent, at - 1) : none();
	for (uint32_t i = at; i-- > 0;)
		if (ts_node_is_named(ts_node_child(parent, i))) {
			*prev_named = ts_node_child(parent, i);
			break;
		}
}

/* tree-sitter's field answer when it is one of n's children: an inherited
 * field can reach through a visible alias to a grandchild (match_statement's
 * `alternative`), which the index, holding children only, does not. */
static TSNode field_child(TSNode n, TSFieldId f)
{
	TSNode c = ts_node_child_by_field_id(n, f);

	return ts_node_is_null(c) || place(n, c) < ts_node_child_count(n) ? c : none();
}

/* Every answer for one node whose parent in the walk's tree is `parent`.
 * Where the tree has no error, tree-sitter's own parent and sibling answers
 * must agree too (in broken trees ts_node_parent can skip a level). */
static int check_node(TSNode n, TSNode parent, uint32_t nfields, bool clean)
{
	int bad = 0;
	uint32_t from, to;
	TSNode next, prev, prev_named;

	siblings(parent, n, &next, &prev, &prev_named);
	bad += ASK(scout_tix_find(n) != SCOUT_TIX_NONE, "find");
	bad += ASK(same(scout_node_parent(n), parent), "parent");
	bad += ASK(!clean || same(parent, ts_node_parent(n)), "ts_node_parent");
	bad += ASK(scout_node_child_count(n) == ts_node_child_count(n), "child count");
	bad += ASK(scout_node_named_child_count(n) == ts_node_named_child_count(n),
	           "named child count");
	for (uint32_t i = 0; i <= ts_node_child_count(n); i++) /* one past the end too */
		bad += ASK(same(scout_node_child(n, i), ts_node_child(n, i)), "child");
	for (uint32_t i = 0; i <= ts_node_named_child_count(n); i++)
		bad += ASK(same(scout_node_named_child(n, i), ts_node_named_child(n, i)),
		           "named child");
	for (TSFieldId f = 1; f <= nfields; f++)
		bad += ASK(same(scout_node_field(n, f), field_child(n, f)),
		           ts_language_field_name_for_id(tree_sitter_python(), f));
	bad += ASK(same(scout_node_next_sibling(n), next), "next sibling");
	bad += ASK(same(scout_node_prev_sibling(n), prev), "previous sibling");
	bad += ASK(same(scout_node_prev_named_sibling(n), prev_named), "previous named sibling");
	bad += ASK(!clean || (same(next, ts_node_next_sibling(n)) &&
	                      same(prev, ts_node_prev_sibling(n)) &&
	                      same(prev_named, ts_node_prev_named_sibling(n))),
	           "ts_node_*_sibling");
	bad += ASK(scout_tix_subtree(n, &from, &to) && to - from == subtree_size(n) &&
	               ts_node_eq(scout_tix_current()->nodes[from].node, n),
	           "subtree");
	return bad;
}

#define MAX_DEPTH 4096

/* Indexes src's tree and checks every node, in the index's order, which must
 * be the cursor's preorder. */
static void check_source(TSParser *parser, const char *src, size_t len, const char *what)
{
	static TSNode stack[MAX_DEPTH];
	TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
	TSNode root = ts_tree_root_node(tree);
	const scout_tix *tix = scout_tix_build(root);
	uint32_t nfields = ts_language_field_count(tree_sitter_python()), nodes = 0, depth = 0;
	bool clean = !ts_node_has_error(root);
	TSTreeCursor c = ts_tree_cursor_new(root);
	int bad = 0;

	for (bool more = true; more;) {
		TSNode n = ts_tree_cursor_current_node(&c);

		bad += nodes >= tix->len || !ts_node_eq(tix->nodes[nodes].node, n);
		bad += check_node(n, depth ? stack[depth - 1] : none(), nfields, clean);
		nodes++;
		if (depth < MAX_DEPTH && ts_tree_cursor_goto_first_child(&c)) {
			stack[depth++] = n;
			continue;
		}
		while (!(more = ts_tree_cursor_goto_next_sibling(&c)) &&
		       ts_tree_cursor_goto_parent(&c))
			depth--;
	}
	ts_tree_cursor_delete(&c);
	bad += nodes != tix->len;
	if (bad)
		fprintf(stderr, "%s: %d answers differ\n", what, bad);
	CHECK(bad == 0);
	CHECK(!ts_node_is_null(root) && ts_node_eq(tix->nodes[0].node, root));
	scout_tix_clear(); /* the tree is freed below: the index must let it go */
	CHECK(scout_tix_find(root) == SCOUT_TIX_NONE);
	CHECK(same(scout_node_named_child(root, 0), ts_node_named_child(root, 0)));
	ts_tree_delete(tree);
}

static void check_file(TSParser *parser, const char *path)
{
	scout_source src;
	scout_load_error err;

	if (scout_source_load(&src, path, &err) != 0)
		return; /* binary or not UTF-8: the scan never parses it either */
	check_source(parser, src.data, src.len, path);
	scout_source_free(&src);
}

/* Every *.py under dir, one level of subdirectories deep. */
static void check_dir(TSParser *parser, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[2048];
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.' || strlen(dir) + n + 2 > sizeof(path))
			continue;
		memcpy(path, dir, strlen(dir));
		path[strlen(dir)] = '/';
		memcpy(path + strlen(dir) + 1, e->d_name, n + 1);
		if (n > 3 && strcmp(e->d_name + n - 3, ".py") == 0)
			check_file(parser, path);
		else if (depth > 0)
			check_dir(parser, path, depth - 1);
	}
	closedir(d);
}

/* Nodes of a tree the index does not hold are answered by tree-sitter. */
static void test_other_tree(TSParser *parser)
{
	const char *a = "x = 1\n", *b = "def g(p):\n    return p\n";
	TSTree *ta = ts_parser_parse_string(parser, NULL, a, (uint32_t)strlen(a));
	TSTree *tb = ts_parser_parse_string(parser, NULL, b, (uint32_t)strlen(b));
	TSNode def = ts_node_named_child(ts_tree_root_node(tb), 0);

	scout_tix_build(ts_tree_root_node(ta));
	CHECK(scout_tix_find(def) == SCOUT_TIX_NONE);
	CHECK(same(
	    scout_node_field(def, ts_language_field_id_for_name(tree_sitter_python(), "name", 4)),
	    ts_node_named_child(def, 0)));
	CHECK(same(scout_node_parent(def), ts_tree_root_node(tb)));
	CHECK(scout_node_named_child_count(def) == 3);
	scout_tix_clear();
	ts_tree_delete(ta);
	ts_tree_delete(tb);
}

int main(int argc, char **argv)
{
	TSParser *parser = ts_parser_new();

	ts_parser_set_language(parser, tree_sitter_python());
	for (size_t i = 0; i < sizeof(sources) / sizeof(*sources); i++)
		check_source(parser, sources[i], strlen(sources[i]), sources[i]);
	check_dir(parser, "fixtures/rules", 1);
	check_dir(parser, "fixtures/fuzz/module", 0);
	check_dir(parser, "fixtures/projects", 3);
	for (int i = 1; i < argc; i++)
		check_file(parser, argv[i]);
	test_other_tree(parser);
	ts_parser_delete(parser);
	scout_tix_release();
	return check_report("test_tree_index");
}
