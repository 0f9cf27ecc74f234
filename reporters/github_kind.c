/* GitHub annotation types and their per-step cap (github_kind.h). */
#include "github_kind.h"

scout_github_kind scout_github_kind_of(const scout_finding *f)
{
	if (!scout_finding_holds(f) || f->category >= SCOUT_SLOW)
		return SCOUT_GITHUB_NOTICE;
	return f->category == SCOUT_BLOCKER ? SCOUT_GITHUB_ERROR : SCOUT_GITHUB_WARNING;
}

const char *scout_github_kind_name(scout_github_kind k)
{
	static const char *const names[SCOUT_GITHUB_KIND_COUNT] = {"error", "warning", "notice"};

	return k < SCOUT_GITHUB_KIND_COUNT ? names[k] : "notice";
}

void scout_github_count(const scout_scan *scan, size_t total[SCOUT_GITHUB_KIND_COUNT])
{
	for (int k = 0; k < SCOUT_GITHUB_KIND_COUNT; k++)
		total[k] = 0;
	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++)
			total[scout_github_kind_of(&scan->modules[i].findings[j])]++;
	total[SCOUT_GITHUB_WARNING] += scan->ndiags;
}
