/* The build the verdicts assume (see scout/assumed_build.h). */
#include "scout/assumed_build.h"

#include <stdlib.h>
#include <string.h>

/* Whether a finding of m that assumes nothing blocks it. */
static bool blocked_on_its_own(const scout_module *m)
{
	for (size_t i = 0; i < m->nfindings; i++)
		if (m->findings[i].category == SCOUT_BLOCKER && m->findings[i].nassumes == 0)
			return true;
	return false;
}

static int compare_path(const void *key, const void *elem)
{
	return strcmp(key, ((const scout_module *)elem)->path);
}

/* The index of the module at `path` (scan->modules is sorted by path), or
 * nmodules. */
static size_t module_at(const scout_scan *scan, const char *path)
{
	const scout_module *m = scan->nmodules ? bsearch(path, scan->modules, scan->nmodules,
	                                                 sizeof(*scan->modules), compare_path)
	                                       : NULL;

	return m ? (size_t)(m - scan->modules) : scan->nmodules;
}

/* What is compiled today is the build that works: a module it does not
 * compile, which a blocker of a module it compiles assumes, stays out (it
 * would break that module; the plan lists it as "breaks"). */
static void leave_out_breakers(const scout_scan *scan, bool *in)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; m->compiled_now && j < m->nfindings; j++)
			for (uint32_t k = 0; m->findings[j].category == SCOUT_BLOCKER &&
			                     k < m->findings[j].nassumes;
			     k++) {
				size_t at = module_at(scan, m->findings[j].assumes[k]);

				if (at < scan->nmodules && !scan->modules[at].compiled_now)
					in[at] = false;
			}
	}
}

void scout_assumed_build_apply(scout_scan *scan)
{
	bool *in = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*in));

	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		in[i] = m->compiled_now || (m->shipped && !blocked_on_its_own(m));
	}
	leave_out_breakers(scan, in);
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_module *m = &scan->modules[i];

		for (size_t j = 0; j < m->nfindings; j++) {
			scout_finding *f = &m->findings[j];

			f->unmet = false;
			for (uint32_t k = 0; k < f->nassumes && !f->unmet; k++) {
				size_t at = module_at(scan, f->assumes[k]);

				f->unmet = at == scan->nmodules || !in[at];
			}
		}
	}
	free(in);
}
