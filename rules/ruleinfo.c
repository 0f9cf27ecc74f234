/* scout/ruleinfo.h over the rule tables: one scout_rule_info per rule, built
 * once, in the order of scout_rules_all(), and looked up through
 * scout_rules_find. */
#include "scout/ruleinfo.h"
#include "registry.h"

#include <pthread.h>

static scout_rule_info *infos; /* parallel to scout_rules_all(); never freed */
static size_t ninfos;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void)
{
	const scout_rule *const *rules = scout_rules_all(&ninfos);

	infos = scout_calloc(ninfos ? ninfos : 1, sizeof(*infos));
	for (size_t i = 0; i < ninfos; i++)
		infos[i] = (scout_rule_info){
		    .id = rules[i]->id,
		    .title = rules[i]->title,
		    .why = rules[i]->why,
		    .fix = rules[i]->fix,
		    .docs = rules[i]->docs,
		    .category = rules[i]->category,
		};
}

const scout_rule_info *scout_rule_info_find(const char *id)
{
	const scout_rule *rule = id ? scout_rules_find(id) : NULL;
	size_t index;

	if (!rule)
		return NULL;
	pthread_once(&once, build);
	index = scout_rules_index(rule);
	return index < ninfos ? &infos[index] : NULL;
}
