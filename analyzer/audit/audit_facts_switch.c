/* The environment switch that turns the project's compiled build on: read
 * from the conditions the compile-set reader put on its build files
 * (scan->compile_origins: "LAGOM_COMPILE nonzero", "TOMLI_USE_MYPYC=1"),
 * else hatch-mypyc's own switch, else a name made from the project's
 * ("CHARSET_NORMALIZER_USE_MYPYC"), which is then the snippet's to add. */
#include "audit_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scout/scope.h"

static bool name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* An environment variable's name: a word of capitals, digits and '_'. */
static bool env_name(const char *s, size_t n)
{
	bool upper = false;

	if (n == 0 || isdigit((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (islower((unsigned char)s[i]))
			return false;
		upper |= isupper((unsigned char)s[i]) != 0;
	}
	return upper;
}

/* Letters, digits, '_', '-' and '.': safe unquoted and in quotes alike. */
static bool plain_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!name_char(s[i]) && s[i] != '-' && s[i] != '.')
			return false;
	return true;
}

static void set(facts_switch *sw, const char *var, size_t n, const char *on, size_t on_len,
                const char *off)
{
	sw->var = scout_strndup(var, n);
	sw->on = scout_strndup(on, on_len);
	sw->off = scout_strdup(off);
	sw->own = true;
}

/* The first variable the condition tests positively: "X=v" (v not "0"),
 * "X nonzero", "X set"; text in backticks is code, skipped. */
static bool from_condition(facts_switch *sw, const char *cond)
{
	for (size_t i = 0; cond[i];) {
		size_t start = i, n;
		const char *after;

		if (cond[i] == '`') {
			const char *close = strchr(cond + i + 1, '`');

			i = close ? (size_t)(close - cond) + 1 : strlen(cond);
			continue;
		}
		if (!name_char(cond[i]) || (i > 0 && name_char(cond[i - 1]))) {
			i++;
			continue;
		}
		while (name_char(cond[i]))
			i++;
		n = i - start;
		after = cond + i;
		if (!env_name(cond + start, n) || (start > 0 && cond[start - 1] == '-'))
			continue;
		if (after[0] == '=') {
			size_t v = strcspn(after + 1, " )");

			/* the value goes into YAML and shell snippets: a plain word only */
			if (v && !(v == 1 && after[1] == '0') && plain_word(after + 1, v)) {
				set(sw, cond + start, n, after + 1, v,
				    v == 4 && strncmp(after + 1, "true", 4) == 0 ? "false" : "0");
				return true;
			}
		} else if (strncmp(after, " nonzero", 8) == 0) {
			set(sw, cond + start, n, "1", 1, "0");
			return true;
		} else if (strncmp(after, " set", 4) == 0 && !name_char(after[4])) {
			set(sw, cond + start, n, "1", 1, "");
			return true;
		}
	}
	return false;
}

/* NAME_USE_MYPYC from the project's name ("charset-normalizer"). */
static char *made_up(const char *project)
{
	scout_buf b = {0};

	for (const char *p = project && project[0] ? project : "project"; *p; p++)
		scout_buf_putc(&b,
		               isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '_');
	scout_buf_puts(&b, "_USE_MYPYC");
	return scout_buf_detach(&b);
}

void scout_audit_facts_switch(facts_switch *sw, const scout_scan *scan, const char *project)
{
	memset(sw, 0, sizeof(*sw));
	for (size_t i = 0; i < scan->ncompile_origins; i++)
		if (scan->compile_origins[i].condition &&
		    from_condition(sw, scan->compile_origins[i].condition))
			return;
	if (scan->backend == SCOUT_BACKEND_HATCH) {
		sw->var = scout_strdup("HATCH_BUILD_HOOKS_ENABLE");
		sw->on = scout_strdup("1");
		sw->off = scout_strdup("0");
		return;
	}
	sw->var = made_up(project);
	sw->on = scout_strdup("1");
	sw->off = scout_strdup("0");
}

void scout_audit_facts_switch_free(facts_switch *sw)
{
	free(sw->var);
	free(sw->on);
	free(sw->off);
	memset(sw, 0, sizeof(*sw));
}
