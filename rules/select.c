/* --select / --ignore and --mypyc-version. */
#include "select.h"

#include "scout/config.h"
#include "scout/discover.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool category_named(const char *name, size_t len, scout_category *out)
{
	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++) {
		const char *cn = scout_category_name((scout_category)c);

		if (strlen(cn) == len && memcmp(cn, name, len) == 0) {
			*out = (scout_category)c;
			return true;
		}
	}
	return false;
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
			bool is_cat = category_named(item, len, &cat);

			for (size_t i = 0; i < n; i++)
				if ((is_cat && rules[i]->category == cat) ||
				    (strlen(rules[i]->id) == len &&
				     !memcmp(rules[i]->id, item, len)))
					mark[i] = found = true;
			if (!found) {
				scout_error_set("unknown rule or category '%.*s' (see 'mypyc-scout "
				                "rules')",
				                (int)len, item);
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

int scout_mypyc_version_parse(const char *text, uint32_t *out)
{
	unsigned major, minor, patch = 0;
	int used = 0;

	if ((sscanf(text, "%3u.%3u.%3u%n", &major, &minor, &patch, &used) == 3 &&
	     text[used] == '\0') ||
	    (sscanf(text, "%3u.%3u%n", &major, &minor, &used) == 2 && text[used] == '\0')) {
		if (minor < 1000 && patch < 1000) {
			*out = SCOUT_V(major, minor, patch);
			return 0;
		}
	}
	scout_error_set("--mypyc-version takes a version like 1.0 or 1.15.0, not '%s'", text);
	return SCOUT_EUSAGE;
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
