/* --select / --ignore and --mypyc-version. */
#include "select.h"

#include "scout/config.h"
#include "scout/discover.h"

#include "scout/suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *scout_rules_suggest(const char *word, size_t len)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);
	const char **words = scout_calloc(n + SCOUT_CATEGORY_COUNT, sizeof(*words));
	const char *best;

	for (size_t i = 0; i < n; i++)
		words[i] = rules[i]->id;
	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++)
		words[n + (size_t)c] = scout_category_name((scout_category)c);
	best = scout_suggest(word, len, words, n + SCOUT_CATEGORY_COUNT);
	free(words);
	return best;
}

bool scout_rules_knows(const char *id, size_t len, const char **near)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	*near = NULL;
	for (size_t i = 0; i < n; i++)
		if (strlen(rules[i]->id) == len && memcmp(rules[i]->id, id, len) == 0)
			return true;
	*near = scout_rules_suggest(id, len);
	return false;
}

/* " (did you mean 'x'?)" for an unknown rule id or category, or "". Static
 * until the next call. */
static const char *hint(const char *word, size_t len)
{
	static _Thread_local char buf[96];
	const char *best = scout_rules_suggest(word, len);

	buf[0] = '\0';
	if (best)
		snprintf(buf, sizeof(buf), " (did you mean '%s'?)", best);
	return buf;
}

/* Marks in `mark` every rule one comma-separated list names. */
static int mark_list(bool *mark, const char *list)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	while (*list) {
		size_t len = strcspn(list, ",");
		const char *item = list;
		scout_category cat;
		bool found = false;

		while (len && *item == ' ')
			item++, len--;
		while (len && item[len - 1] == ' ')
			len--;
		if (len) {
			bool is_cat = scout_category_parse(item, len, &cat);

			for (size_t i = 0; i < n; i++)
				if ((is_cat && rules[i]->category == cat) ||
				    (strlen(rules[i]->id) == len &&
				     !memcmp(rules[i]->id, item, len)))
					mark[i] = found = true;
			if (!found) {
				scout_error_set(
				    "unknown rule or category '%.*s'%s (see 'mypyc-scout "
				    "rules')",
				    (int)len, item, hint(item, len));
				return SCOUT_EUSAGE;
			}
		}
		list += strcspn(list, ",");
		if (*list == ',')
			list++;
	}
	return 0;
}

int scout_rules_select(bool **enabled, const char *const *select, size_t nselect,
                       const char *const *ignore, size_t nignore)
{
	size_t n;
	bool *on, *off;
	int error = 0;

	scout_rules_all(&n);
	on = scout_calloc(n, sizeof(*on));
	off = scout_calloc(n, sizeof(*off));
	for (size_t i = 0; i < nselect && !error; i++)
		error = mark_list(on, select[i]);
	for (size_t i = 0; i < nignore && !error; i++)
		error = mark_list(off, ignore[i]);
	for (size_t i = 0; i < n; i++)
		on[i] = (nselect == 0 || on[i]) && !off[i];
	free(off);
	if (error) {
		free(on);
		on = NULL;
	}
	*enabled = on;
	return error;
}

/* The oldest mypyc any rule's `since` names: where the catalog starts. */
static uint32_t oldest_known(void)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);
	uint32_t oldest = SCOUT_MYPYC_CURRENT;

	for (size_t i = 0; i < n; i++)
		if (rules[i]->since && rules[i]->since < oldest)
			oldest = rules[i]->since;
	return oldest;
}

/* "1.15" or "1.18.1" for SCOUT_V(...) into buf. */
static const char *version_text(char *buf, size_t cap, uint32_t v)
{
	unsigned major = v / 1000000u, minor = v / 1000u % 1000u, patch = v % 1000u;

	if (patch)
		snprintf(buf, cap, "%u.%u.%u", major, minor, patch);
	else
		snprintf(buf, cap, "%u.%u", major, minor);
	return buf;
}

int scout_mypyc_version_parse(const char *text, uint32_t *out)
{
	unsigned major, minor, patch = 0;
	uint32_t oldest = oldest_known();
	char lo[16], hi[16];
	int used = 0;

	if (!((sscanf(text, "%3u.%3u.%3u%n", &major, &minor, &patch, &used) == 3 &&
	       text[used] == '\0') ||
	      (sscanf(text, "%3u.%3u%n", &major, &minor, &used) == 2 && text[used] == '\0')) ||
	    minor >= 1000 || patch >= 1000) {
		scout_error_set("--mypyc-version takes a version like 1.0 or 1.15.0, not '%s'",
		                text);
		return SCOUT_EUSAGE;
	}
	*out = SCOUT_V(major, minor, patch);
	/* newer than the catalog but within its next major version: a release
	 * it does not know yet, evaluated as of the newest it does (the caller
	 * warns); anything else is a typo */
	if (*out < oldest || *out >= SCOUT_V(SCOUT_MYPYC_CURRENT / 1000000u + 2, 0, 0)) {
		scout_error_set("--mypyc-version %s is outside the versions the rule catalog "
		                "describes: %s to %s (or a later %u.x)",
		                text, version_text(lo, sizeof(lo), oldest),
		                version_text(hi, sizeof(hi), SCOUT_MYPYC_CURRENT),
		                SCOUT_MYPYC_CURRENT / 1000000u + 1);
		return SCOUT_EUSAGE;
	}
	return 0;
}

scout_finding *scout_rules_report(scout_module *m, const scout_rule *rule,
                                  const scout_rule_config *config, uint32_t line, uint32_t column,
                                  uint32_t end_line, uint32_t end_column, const char *message)
{
	if (!scout_rule_active(rule, scout_rules_index(rule), config) ||
	    scout_rule_ignored_in(rule, config, m->path))
		return NULL;
	scout_module_add_finding(m, rule->id, rule->category, line, column, end_line, end_column,
	                         message, rule->fix);
	return &m->findings[m->nfindings - 1];
}
