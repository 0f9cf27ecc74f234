/* What a CI step runs in another file of the project, read as text (never
 * run): `make T` into the Makefile's target T (its prerequisites first,
 * then its recipe, `$(MAKE) X` and `make X` inside it followed), `nox -s
 * NAME` into noxfile.py's session NAME (a "-3.12" suffix dropped when no
 * session has the whole name) and the noxfile's own functions it calls.
 * sqlglot's CI runs `make check`, whose target testc builds the
 * extensions in place and runs the tests; charset_normalizer's runs `nox
 * -s test_mypyc-3.12`, a session that calls test_impl(session, True). */
#include "audit_internal.h"

#include <ctype.h>
#include <string.h>

#define FOLLOW_DEPTH 6

typedef struct follow {
	const facts_ctx *ctx;
	facts_visit visit;
	void *arg;
	scout_buf *via;
} follow;

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.';
}

/* The word at text[*i..], up to a blank, quote or shell separator. */
static size_t word_at(const char *text, size_t len, size_t *i)
{
	size_t start;

	while (*i < len &&
	       (text[*i] == ' ' || text[*i] == '\t' || text[*i] == '"' || text[*i] == '\''))
		(*i)++;
	start = *i;
	while (*i < len && !strchr(" \t\"';&|)\r", text[*i]))
		(*i)++;
	return *i - start;
}

/* Where `cmd` stands as a command word in the line (not "cmake"), or -1. */
static long command_at(const char *text, size_t len, const char *cmd)
{
	size_t n = strlen(cmd);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(text + i, cmd, n) == 0 && (i == 0 || !word_char(text[i - 1])) &&
		    (i + n == len || text[i + n] == ' '))
			return (long)(i + n);
	return -1;
}

/* The line of `def name(` at the top of f, or 0. */
static uint32_t def_line(const facts_file *f, const char *name, size_t n)
{
	size_t pos = 0;
	facts_line l = {0};

	while (scout_audit_facts_next_line(f, &pos, &l))
		if (l.len > 4 + n && memcmp(l.text, "def ", 4) == 0 &&
		    memcmp(l.text + 4, name, n) == 0 && l.text[4 + n] == '(')
			return l.no;
	return 0;
}

static void add_via(follow *fo, const char *what, const char *name, size_t n)
{
	scout_buf_printf(fo->via, "%s%s %.*s", fo->via->len ? ", " : "", what, (int)n, name);
}

static void run_def(follow *fo, uint32_t at, int depth);

/* A call of one of the noxfile's own functions in the line: follow it. */
static void calls_in(follow *fo, const facts_line *l, uint32_t self, int depth)
{
	for (size_t i = 0; i < l->len; i++) {
		size_t start = i;
		uint32_t at;

		if (!(isalpha((unsigned char)l->text[i]) || l->text[i] == '_') ||
		    (i > 0 && (word_char(l->text[i - 1]) || l->text[i - 1] == '.')))
			continue;
		while (i < l->len && (isalnum((unsigned char)l->text[i]) || l->text[i] == '_'))
			i++;
		if (i < l->len && l->text[i] == '(' &&
		    (at = def_line(&fo->ctx->noxfile, l->text + start, i - start)) && at != self)
			run_def(fo, at, depth + 1);
	}
}

/* The body of the def on line `at` of the noxfile, in order. */
static void run_def(follow *fo, uint32_t at, int depth)
{
	size_t pos = 0;
	facts_line l = {0};

	if (depth > FOLLOW_DEPTH)
		return;
	while (scout_audit_facts_next_line(&fo->ctx->noxfile, &pos, &l)) {
		if (l.no <= at)
			continue;
		if (l.len && l.text[0] != ' ' && l.text[0] != '\t' && l.text[0] != '\r' &&
		    l.text[0] != ')')
			break;
		if (scout_audit_facts_line_is_comment(&l))
			continue;
		fo->visit(fo->arg, &fo->ctx->noxfile, &l);
		calls_in(fo, &l, at, depth);
	}
}

static void run_session(follow *fo, const char *name, size_t n)
{
	uint32_t at = 0;

	while (n && !(at = def_line(&fo->ctx->noxfile, name, n))) {
		const char *dash = memchr(name, '-', n);

		if (!dash)
			break;
		for (const char *d = dash; d && d < name + n;
		     d = memchr(d + 1, '-', name + n - d - 1))
			dash = d;
		n = (size_t)(dash - name);
	}
	if (!at)
		return;
	add_via(fo, "nox session", name, n);
	run_def(fo, at, 0);
}

static void run_target(follow *fo, const char *name, size_t n, int depth);

/* `make A B` or `$(MAKE) A` in text: follow each target named. */
static void make_targets(follow *fo, const char *text, size_t len, int depth)
{
	long at = command_at(text, len, "make");

	if (at < 0)
		at = command_at(text, len, "$(MAKE)");
	for (size_t i = at < 0 ? len : (size_t)at, n; i < len;) {
		const char *w = text + i;

		if (!(n = word_at(text, len, &i)))
			break;
		w = text + i - n;
		if (w[0] == '-') {
			if ((n == 2 && (w[1] == 'C' || w[1] == 'f')) && word_at(text, len, &i))
				return; /* another directory or file: not this Makefile */
			continue;
		}
		if (!memchr(w, '=', n))
			run_target(fo, w, n, depth);
	}
}

/* The target `name:` of the Makefile: prerequisites, then its recipe. */
static void run_target(follow *fo, const char *name, size_t n, int depth)
{
	const facts_file *mk = &fo->ctx->makefile;
	size_t pos = 0;
	facts_line l = {0};
	bool in = false;

	if (depth > FOLLOW_DEPTH || !mk->data)
		return;
	while (scout_audit_facts_next_line(mk, &pos, &l)) {
		if (!in) {
			size_t i = n;

			if (l.len > n && memcmp(l.text, name, n) == 0 && l.text[n] == ':' &&
			    (l.len == n + 1 || l.text[n + 1] != '=')) {
				in = true;
				if (depth == 0)
					add_via(fo, "make target", name, n);
				fo->visit(fo->arg, mk, &l);
				for (i = n + 1; i < l.len;) {
					size_t w = word_at(l.text, l.len, &i);

					if (!w)
						break;
					run_target(fo, l.text + i - w, w, depth + 1);
				}
			}
			continue;
		}
		if (!l.len || l.text[0] != '\t')
			break;
		fo->visit(fo->arg, mk, &l);
		make_targets(fo, l.text, l.len, depth + 1);
	}
}

void scout_audit_facts_follow(const facts_ctx *ctx, const facts_line *l, facts_visit visit,
                              void *arg, scout_buf *via)
{
	follow fo = {.ctx = ctx, .visit = visit, .arg = arg, .via = via};
	long at;

	if (ctx->makefile.data)
		make_targets(&fo, l->text, l->len, 0);
	if (!ctx->noxfile.data || command_at(l->text, l->len, "nox") < 0)
		return;
	at = command_at(l->text, l->len, "-s");
	if (at < 0)
		at = command_at(l->text, l->len, "--session");
	for (size_t i = at < 0 ? l->len : (size_t)at, n; i < l->len;) {
		if (!(n = word_at(l->text, l->len, &i)) || l->text[i - n] == '-')
			break;
		run_session(&fo, l->text + i - n, n);
	}
}
