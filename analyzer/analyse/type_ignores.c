/* `# type: ignore` and `# mypy:` comments, collected during the walk, and the
 * findings of mypy-error rules they (and the mypy config) hide, dropped after
 * it. What mypy does, from its source (1.0.1 and 2.3):
 * - CPython's tokenizer makes a TYPE_IGNORE of a comment "#", blanks,
 *   "type:", blanks, "ignore" followed by the end or an ASCII character that
 *   is not alphanumeric; the rest is the tag. mypy's parse_type_ignore_tag
 *   reads a blank tag (or one starting with '#') as "every code", and
 *   `[codes] # anything` as those codes; any other tag is invalid and hides
 *   nothing (errors.py is_ignored_error, fastparse.py).
 * - A bare ignore before the module's first statement (the first ignore of
 *   the module) ignores the module: mypy marks it unreachable (and mypyc's
 *   build of it raises at import: the rules module-type-ignore*).
 * - Inline configuration is a line that starts with "# mypy: " (util.py
 *   get_mypy_comments): comma-separated options, double quotes grouping
 *   (config_parser.py split_directive); each comment's options replace the
 *   earlier ones', and disable_error_code adds to the config's codes
 *   (options.py apply_changes). */
#include "type_ignores.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scout/mypy_config.h"
#include "scout/rule.h"
#include "scout/type_ignore.h"

typedef struct type_ignore {
	uint32_t line;
	char *codes; /* owned; NULL: a bare ignore */
} type_ignore;

typedef struct noted {
	size_t finding;
	scout_mypy_error errors[SCOUT_MYPY_ERRORS_MAX]; /* codes and lines all set */
	size_t nerrors;
} noted;

struct scout_type_ignores {
	type_ignore *ignores;
	size_t nignores, ignores_cap;
	noted *notes;
	size_t nnotes, notes_cap;
	bool whole_module;   /* a bare ignore before the first statement */
	int ignore_errors;   /* from `# mypy:` comments: -1 unset, else 0 or 1 */
	int check_untyped;   /* check_untyped_defs from them, the same way */
	char *disable_codes; /* owned; from the last `# mypy:` comment setting them */
};

static struct scout_type_ignores *state(scout_walk *w)
{
	if (!w->type_ignores) {
		w->type_ignores = scout_calloc(1, sizeof(*w->type_ignores));
		w->type_ignores->ignore_errors = -1;
		w->type_ignores->check_untyped = -1;
	}
	return w->type_ignores;
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* The tag after "ignore", as CPython's tokenizer finds it, or NULL. */
static const char *type_ignore_tag(const char *text, const char *end)
{
	const char *p = skip_blanks(text + 1, end);

	if (text >= end || *text != '#' || end - p < 5 || memcmp(p, "type:", 5) != 0)
		return NULL;
	p = skip_blanks(p + 5, end);
	if (end - p < 6 || memcmp(p, "ignore", 6) != 0)
		return NULL;
	p += 6;
	if (p < end && ((unsigned char)*p >= 128 || isalnum((unsigned char)*p)))
		return NULL;
	return p;
}

int scout_type_ignore_parse(const char *text, size_t len, char **codes)
{
	const char *end = text + len, *p = type_ignore_tag(text, end), *close;

	*codes = NULL;
	if (!p)
		return 0;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end || *p == '#')
		return 1; /* bare */
	/* \s*\[([^]#]*)\]\s*(#.*)?$ */
	if (*p != '[')
		return 0;
	for (close = p + 1; close < end && *close != ']' && *close != '#'; close++)
		;
	if (close == end || *close != ']')
		return 0;
	for (const char *q = close + 1; q < end && *q != '#'; q++)
		if (!isspace((unsigned char)*q))
			return 0;
	*codes = scout_strndup(p + 1, (size_t)(close - p - 1));
	return 1;
}

/* True when `comment`, at module level, stands before the first statement. */
static bool before_first_statement(const scout_walk *w, TSNode comment)
{
	TSNode root;
	uint32_t count;

	if (w->depth != 2)
		return false;
	root = w->stack[0];
	count = scout_node_named_child_count(root);
	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(root, i);

		if (ts_node_symbol(stmt) != w->sym->comment)
			return ts_node_start_point(comment).row < ts_node_start_point(stmt).row;
	}
	return false;
}

/* configparser's booleans; -1 for anything else. */
static int ini_bool(const char *v, size_t n)
{
	static const char *const yes[] = {"1", "yes", "true", "on"}, *const no[] = {"0", "no",
	                                                                            "false", "off"};

	for (size_t i = 0; i < 4; i++) {
		if (strlen(yes[i]) == n && strncasecmp(v, yes[i], n) == 0)
			return 1;
		if (strlen(no[i]) == n && strncasecmp(v, no[i], n) == 0)
			return 0;
	}
	return -1;
}

/* One `name[=value]` entry of a `# mypy:` comment (quotes already gone). */
static void inline_option(struct scout_type_ignores *t, const char *entry, size_t n)
{
	const char *eq = memchr(entry, '=', n), *value = eq ? eq + 1 : "True";
	size_t klen = eq ? (size_t)(eq - entry) : n, vlen = eq ? n - klen - 1 : 4;
	char key[32];
	size_t k = 0;

	while (klen && isspace((unsigned char)entry[klen - 1]))
		klen--;
	while (vlen && isspace((unsigned char)*value))
		value++, vlen--;
	while (vlen && isspace((unsigned char)value[vlen - 1]))
		vlen--;
	for (; k < klen && k + 1 < sizeof(key); k++)
		key[k] = entry[k] == '-' ? '_' : entry[k];
	key[k] = '\0';
	if (k != klen)
		return;
	if (strcmp(key, "ignore_errors") == 0) {
		int b = ini_bool(value, vlen);

		if (b >= 0)
			t->ignore_errors = b;
	} else if (strcmp(key, "check_untyped_defs") == 0) {
		t->check_untyped = ini_bool(value, vlen);
	} else if (strcmp(key, "disable_error_code") == 0) {
		free(t->disable_codes);
		t->disable_codes = scout_strndup(value, vlen);
	}
}

/* `# mypy: a, b=c, d="e, f"` (the text after "# mypy: "). */
static void inline_config(struct scout_type_ignores *t, const char *p, const char *end)
{
	scout_buf entry = {0};

	for (; p <= end; p++) {
		if (p == end || *p == ',') {
			const char *s = entry.data ? entry.data : "";
			size_t n = entry.len;

			while (n && isspace((unsigned char)*s))
				s++, n--;
			if (n)
				inline_option(t, s, n);
			entry.len = 0;
			if (entry.data)
				entry.data[0] = '\0';
			continue;
		}
		if (*p != '"') {
			scout_buf_putc(&entry, *p);
			continue;
		}
		while (++p < end && *p != '"')
			scout_buf_putc(&entry, *p);
		if (p == end) /* "Unterminated quote": mypy drops the entry */
			entry.len = 0;
	}
	scout_buf_free(&entry);
}

void scout_type_ignores_collect(scout_walk *w, TSNode comment)
{
	uint32_t len, line, column;
	const char *text = scout_node_text(comment, w->src, &len);
	type_ignore ti = {0};

	if (len > 8 && memcmp(text, "# mypy: ", 8) == 0 &&
	    ts_node_start_point(comment).column == 0) {
		inline_config(state(w), text + 8, text + len);
		return;
	}
	if (!scout_mem_contains(text, len, "type:", 5) ||
	    !scout_type_ignore_parse(text, len, &ti.codes))
		return;
	/* mypy looks at the module's first ignore only */
	if (!ti.codes && !state(w)->nignores && before_first_statement(w, comment))
		state(w)->whole_module = true;
	scout_walk_node_start(w, comment, &line, &column);
	ti.line = line;
	SCOUT_PUSH(state(w)->ignores, state(w)->nignores, state(w)->ignores_cap, ti);
}

void scout_type_ignores_note(scout_walk *w, const scout_rule *rule, size_t finding,
                             const scout_mypy_error *errors, size_t nerrors)
{
	struct scout_type_ignores *t = state(w);
	uint32_t line = w->module->findings[finding].line;
	noted n = {.finding = finding, .nerrors = nerrors ? nerrors : 1};

	if (n.nerrors > SCOUT_MYPY_ERRORS_MAX)
		n.nerrors = SCOUT_MYPY_ERRORS_MAX;
	for (size_t i = 0; i < n.nerrors; i++) {
		scout_mypy_error *e = &n.errors[i];

		*e = (scout_mypy_error){rule->mypy_codes, line, line};
		if (i < nerrors && errors[i].codes)
			e->codes = errors[i].codes;
		if (i < nerrors && errors[i].first_line) {
			e->first_line = errors[i].first_line;
			e->last_line = errors[i].last_line > e->first_line ? errors[i].last_line
			                                                   : e->first_line;
		}
	}
	SCOUT_PUSH(t->notes, t->nnotes, t->notes_cap, n);
}

/* True when one of the comma-separated codes is in the comma-separated list. */
static bool any_code_in(const char *codes, const char *list)
{
	while (list && *codes) {
		size_t n = strcspn(codes, ",");

		if (scout_str_list_has(list, codes, n))
			return true;
		codes += n + (codes[n] == ',');
	}
	return false;
}

/* Whether mypy hides the error: it does when its code is disabled, or a type
 * ignore covers a line of its span. */
static bool error_hidden(const struct scout_type_ignores *t, const scout_mypy_error *e,
                         const char *disabled)
{
	if (any_code_in(e->codes, disabled) || any_code_in(e->codes, t->disable_codes))
		return true;
	for (size_t i = 0; i < t->nignores; i++) {
		const type_ignore *ti = &t->ignores[i];

		if (ti->line >= e->first_line && ti->line <= e->last_line &&
		    (!ti->codes || any_code_in(e->codes, ti->codes)))
			return true;
	}
	return false;
}

/* Whether mypy reports none of the noted errors: not when the module's
 * errors are ignored, or each is hidden. */
static bool hidden(const struct scout_type_ignores *t, const noted *n, bool ignore_errors,
                   const char *disabled)
{
	if (ignore_errors || t->whole_module)
		return true;
	for (size_t i = 0; i < n->nerrors; i++)
		if (!error_hidden(t, &n->errors[i], disabled))
			return false;
	return true;
}

static void forget(struct scout_type_ignores *t)
{
	for (size_t i = 0; i < t->nignores; i++)
		free(t->ignores[i].codes);
	free(t->disable_codes);
	t->disable_codes = NULL;
	t->nignores = t->nnotes = 0;
	t->whole_module = false;
	t->ignore_errors = -1;
	t->check_untyped = -1;
}

void scout_type_ignores_apply(scout_walk *w)
{
	struct scout_type_ignores *t = w->type_ignores;
	const scout_mypy_config *cfg = w->config ? w->config->mypy : NULL;
	scout_module *m = w->module;
	scout_buf disabled = {0};
	bool ignore_errors, *drop;
	size_t kept = 0, ndrop = 0;

	if (!t || !t->nnotes) {
		if (t)
			forget(t);
		return;
	}
	ignore_errors = cfg && scout_mypy_config_module(cfg, m->module ? m->module : "", &disabled);
	if (t->ignore_errors >= 0) /* inline configuration wins over the file's */
		ignore_errors = t->ignore_errors;
	if (t->check_untyped == 1) /* no annotation-unchecked note then */
		scout_buf_puts(&disabled, ",annotation-unchecked");
	drop = scout_calloc(m->nfindings ? m->nfindings : 1, sizeof(*drop));
	for (size_t i = 0; i < t->nnotes; i++)
		if (t->notes[i].finding < m->nfindings &&
		    hidden(t, &t->notes[i], ignore_errors, disabled.data)) {
			drop[t->notes[i].finding] = true;
			ndrop++;
		}
	for (size_t i = 0; ndrop && i < m->nfindings; i++) {
		if (drop[i]) {
			free(m->findings[i].message);
			free(m->findings[i].fix);
			continue;
		}
		m->findings[kept++] = m->findings[i];
	}
	if (ndrop)
		m->nfindings = kept;
	free(drop);
	scout_buf_free(&disabled);
	forget(t);
}

void scout_type_ignores_release(scout_walk *w)
{
	if (!w->type_ignores)
		return;
	forget(w->type_ignores);
	free(w->type_ignores->ignores);
	free(w->type_ignores->notes);
	free(w->type_ignores);
	w->type_ignores = NULL;
}
