/* The two rules the walk reports itself, and the per-path-ignores every
 * finding passes through where it is added. */
#include "scout/rule.h"

#include <string.h>

#include "scout/config.h"
#include "scout/discover.h"

const scout_rule scout_rule_syntax_error = {
    .id = "syntax-error",
    .category = SCOUT_BLOCKER,
    .title = "module does not parse",
    .why = "mypy stops at the first syntax error, so mypyc compiles nothing. Reported only for "
           "tokens no Python 3 accepts (backticks, <>, 0777, 10L, ur''); other code the bundled "
           "grammar cannot parse gets the verdict unknown instead",
    .bad = "os.chmod(path, 0600)\n",
    .good = "os.chmod(path, 0o600)\n",
    .fix = "fix the syntax error (Python 3 syntax; see the location)",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
};

const scout_rule scout_rule_unused_suppression = {
    .id = "unused-suppression",
    .category = SCOUT_SLOW,
    .title = "a `# mypyc-scout: ignore` comment that hides nothing: it names an unknown rule "
             "(always reported) or no finding is left to hide (--report-unused-ignores)",
    .why = "stale suppressions hide the next real finding on that line; this is about the "
           "tool's own comments, reported in the lowest category",
    .bad = "x = 1  # mypyc-scout: ignore[nested-class]\n",
    .good = "x = 1\n",
    .fix = "remove the comment, or the rule ids in it that no longer fire; spell an unknown "
           "id as `mypyc-scout rules` lists it",
    .docs = "https://mypyc.readthedocs.io/en/latest/",
};

/* True when the comma-separated list names the rule's id or category. */
static bool listed(const char *list, const scout_rule *rule)
{
	while (*list) {
		size_t len = strcspn(list, ",");
		const char *item = list;
		scout_category cat;

		while (len && *item == ' ')
			item++, len--;
		while (len && item[len - 1] == ' ')
			len--;
		if ((strlen(rule->id) == len && !memcmp(rule->id, item, len)) ||
		    (scout_category_parse(item, len, &cat) && cat == rule->category))
			return true;
		list += strcspn(list, ",");
		if (*list == ',')
			list++;
	}
	return false;
}

bool scout_rule_ignored_in(const scout_rule *rule, const scout_rule_config *config,
                           const char *path)
{
	for (size_t i = 0; config && path && i < config->npath_ignores; i++) {
		const char *glob = config->path_ignores[i].glob;

		if (scout_discover_excluded(path, &glob, 1) &&
		    listed(config->path_ignores[i].ids, rule))
			return true;
	}
	return false;
}
