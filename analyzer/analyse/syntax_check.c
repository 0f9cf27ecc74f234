/* The syntax-error check. tree-sitter-python recovers from what it cannot
 * parse with ERROR and MISSING nodes, and the bundled grammar does not know
 * every construct of the newer Pythons (docs/grammar-gaps.md lists those it
 * misses), so an ERROR node is no evidence against the user's code. A
 * syntax-error finding is reported only where the error is certain: a token
 * that no Python 3 accepts, whether or not the grammar stumbled on it:
 *
 *   `x`            backticks (Python 2 repr)
 *   a <> b         Python 2 not-equal (ast.parse rejects it even under
 *                  `from __future__ import barry_as_FLUFL`)
 *   0777, 0_7      a decimal integer with a leading zero and a nonzero digit
 *   10L, 0xffL     a Python 2 long integer
 *   ur'', bu''     u with any other string prefix; b with f or t
 *   $  ?           characters no Python 3 token holds
 *   exec code in d `exec` followed by a name, a string or a number, where
 *                  the grammar could not make an exec statement of it (those
 *                  it makes, and print statements, the python2 rule reports)
 *
 * Everywhere else the walk only keeps where the grammar first fails, and the
 * analysis step gives the module a grammar-gap diagnostic and the verdict
 * unknown (scan/analyze.c). */
#include "syntax_check.h"

#include <stdio.h>
#include <string.h>

#include "scout/rule.h"

bool scout_syntax_check_on(const scout_symbols *s, TSSymbol t)
{
	return t == s->integer || t == s->string_start || t == s->op_diamond;
}

static void report(scout_walk *w, TSNode node, const char *message)
{
	if (w->has_error)
		return; /* mypy stops at the first one */
	scout_walk_report(w, &scout_rule_syntax_error, node, message, NULL);
	w->has_error = true;
}

/* `0777`, `0_7`: leading zeros before a nonzero digit, in a decimal integer
 * (not 0x/0o/0b, not the imaginary `0777j`, which Python 3 accepts). */
static bool python2_octal(const char *text, uint32_t len)
{
	bool nonzero = false;

	if (len < 2 || text[0] != '0' || !(text[1] == '_' || (text[1] >= '0' && text[1] <= '9')))
		return false;
	for (uint32_t i = 1; i < len; i++) {
		if (!(text[i] == '_' || (text[i] >= '0' && text[i] <= '9')))
			return false; /* 0777j, or whatever else the grammar took in */
		nonzero |= text[i] != '0' && text[i] != '_';
	}
	return nonzero;
}

static void check_integer(scout_walk *w, TSNode node)
{
	uint32_t len;
	const char *text = scout_node_text(node, w->src, &len);
	int shown = len > 40 ? 40 : (int)len;
	char message[200];

	if (len > 1 && (text[len - 1] == 'l' || text[len - 1] == 'L')) {
		snprintf(message, sizeof(message),
		         "syntax error: `%.*s` is a Python 2 long integer; Python 3 writes %.*s",
		         shown, text, shown - (shown == (int)len), text);
		report(w, node, message);
	} else if (python2_octal(text, len)) {
		snprintf(message, sizeof(message),
		         "syntax error: `%.*s` is a Python 2 octal literal; Python 3 writes 0o%.*s",
		         shown, text, shown - 1, text + 1);
		report(w, node, message);
	}
}

/* The prefix of a string start (`ur"` -> "ur"), lower-cased into out. */
static uint32_t string_prefix(const char *text, uint32_t len, char *out, uint32_t cap)
{
	uint32_t n = 0;

	while (n < len && n + 1 < cap && ((text[n] | 0x20) >= 'a' && (text[n] | 0x20) <= 'z'))
		out[n] = (char)(text[n] | 0x20), n++;
	out[n] = '\0';
	return n;
}

static void check_string_start(scout_walk *w, TSNode node)
{
	uint32_t len, n;
	const char *text = scout_node_text(node, w->src, &len);
	char prefix[8], message[200];

	if (len && text[0] == '`') {
		report(w, node,
		       "syntax error: backticks are Python 2's repr(); no Python 3 accepts them");
		return;
	}
	n = string_prefix(text, len, prefix, sizeof(prefix));
	if ((strchr(prefix, 'u') && n > 1) ||
	    (strchr(prefix, 'b') && (strchr(prefix, 'f') || strchr(prefix, 't')))) {
		snprintf(message, sizeof(message),
		         "syntax error: the string prefix `%.*s` is not Python 3 (u takes no other "
		         "prefix; b takes neither f nor t)",
		         (int)n, text);
		report(w, node, message);
	}
}

/* The first leaf of a node. */
static TSNode first_leaf(TSNode n)
{
	while (ts_node_child_count(n))
		n = ts_node_child(n, 0);
	return n;
}

/* `exec code in ns` that the grammar could not make a statement of: an
 * ERROR right after the name `exec`, on its line, starting with a name, a
 * string or a number. No Python 3 puts two such operands side by side (and
 * `exec` is no soft keyword). */
static bool python2_exec(const scout_walk *w, TSNode error)
{
	TSNode prev = ts_node_prev_sibling(error), leaf;
	uint32_t end, start = ts_node_start_byte(error);
	TSSymbol t;

	if (ts_node_is_null(prev) || ts_node_symbol(prev) != w->sym->identifier ||
	    !(scout_node_text_is(prev, w->src, "exec") ||
	      scout_node_text_is(prev, w->src, "print")))
		return false;
	end = ts_node_end_byte(prev);
	if (end >= start)
		return false; /* `exec"x"` could be a prefix the grammar does not know */
	for (uint32_t i = end; i < start; i++)
		if (w->src[i] != ' ' && w->src[i] != '\t')
			return false;
	leaf = first_leaf(error);
	t = ts_node_symbol(leaf);
	return t == w->sym->identifier || t == w->sym->string_start || t == w->sym->integer ||
	       t == w->sym->float_;
}

/* Where the grammar first fails: the innermost of the nested ERROR nodes
 * that start the first error (the outermost often spans the whole module).
 * In preorder each ERROR inside the one kept so far is its first. */
static void keep_gap(scout_walk *w, TSNode node)
{
	uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node), column;

	if (w->gap.line && !(start >= w->gap.start && end <= w->gap.end))
		return;
	w->gap.start = start;
	w->gap.end = end;
	scout_walk_node_start(w, node, &w->gap.line, &column);
}

static void check_error(scout_walk *w, TSNode node)
{
	uint32_t len;
	const char *text = scout_node_text(node, w->src, &len);

	keep_gap(w, node);
	if (ts_node_is_missing(node) || w->has_error)
		return;
	if (ts_node_child_count(node) == 0 && len == 1 && (text[0] == '$' || text[0] == '?')) {
		report(w, node,
		       text[0] == '$' ? "syntax error: `$` is no Python token"
		                      : "syntax error: `?` is no Python token");
	} else if (python2_exec(w, node)) {
		report(w, node,
		       "syntax error: a Python 2 exec statement; Python 3 calls exec(code, ...)");
	}
}

void scout_syntax_check_enter(scout_walk *w, TSNode node, TSSymbol t)
{
	if (t == w->sym->error || ts_node_is_missing(node))
		check_error(w, node);
	else if (w->has_error)
		return;
	else if (t == w->sym->integer)
		check_integer(w, node);
	else if (t == w->sym->string_start)
		check_string_start(w, node);
	else if (t == w->sym->op_diamond)
		report(w, node, "syntax error: `<>` is Python 2's not-equal; Python 3 writes !=");
}
