/* The audit's one-paragraph verdict, in plain words, from the figures the
 * other sections show. */
#include <math.h>
#include <stdlib.h>

#include "audit_build.h"

/* Phase 1 covering at least this share of the estimated runtime makes a
 * migration clearly worth starting now. */
#define WORTH_NOW 0.5
/* Below this, even both phases together leave little to gain. */
#define WORTH_LATER 0.25

static int percent(double share)
{
	return (int)lround(share * 100.0);
}

/* "s" for a verb with a singular subject ("1 needs", "2 need"). */
static const char *plural_s(size_t n)
{
	return n == 1 ? "s" : "";
}

static size_t count_blockers(const scout_audit *a, const scout_scan *scan)
{
	size_t n = 0;

	for (size_t i = 0; i < a->nphase2; i++)
		n += scan->modules[a->phase2[i].module].verdict == SCOUT_BLOCKED;
	return n;
}

static void write_outlook(scout_buf *b, const scout_audit *a, const scout_scan *scan)
{
	double both = scan->plan.covered + a->phase2_covered;

	if (a->nphase1 && scan->plan.covered >= WORTH_NOW)
		scout_buf_printf(b,
		                 "Worth starting now: compiling phase 1 alone covers about %d%% of "
		                 "the estimated runtime.",
		                 percent(scan->plan.covered));
	else if (both >= WORTH_LATER && a->nphase2)
		scout_buf_printf(b,
		                 "Worth it after the phase 2 fixes: together the two phases cover "
		                 "about %d%% of the estimated runtime.",
		                 percent(both));
	else if (a->nphase1)
		scout_buf_printf(
		    b,
		    "A small start: phase 1 covers about %d%% of the estimated runtime, "
		    "so measure before going further.",
		    percent(scan->plan.covered));
	else
		scout_buf_puts(b, "Not worth it now: no module is both hot and ready to compile.");
}

char *scout_audit_verdict_text(const scout_audit *a, const scout_scan *scan)
{
	scout_summary s;
	scout_buf b = {0};

	scout_scan_summarise(scan, &s);
	if (s.modules == 0)
		return scout_strdup(
		    "No Python modules were found, so there is nothing to compile.");
	scout_buf_printf(&b, "%zu of %zu modules %s ready for mypyc today", s.verdicts[SCOUT_READY],
	                 s.modules, s.verdicts[SCOUT_READY] == 1 ? "is" : "are");
	scout_buf_printf(&b, "; %zu need%s annotations, %zu need%s changes and %zu %s blocked. ",
	                 s.verdicts[SCOUT_NEEDS_ANNOTATIONS],
	                 plural_s(s.verdicts[SCOUT_NEEDS_ANNOTATIONS]),
	                 s.verdicts[SCOUT_NEEDS_CHANGES], plural_s(s.verdicts[SCOUT_NEEDS_CHANGES]),
	                 s.verdicts[SCOUT_BLOCKED], s.verdicts[SCOUT_BLOCKED] == 1 ? "is" : "are");
	if (s.verdicts[SCOUT_UNKNOWN])
		scout_buf_printf(&b,
		                 "The bundled grammar cannot parse %zu module%s in full, so %s "
		                 "verdict is unknown and %s left out of the plan. ",
		                 s.verdicts[SCOUT_UNKNOWN],
		                 s.verdicts[SCOUT_UNKNOWN] == 1 ? "" : "s",
		                 s.verdicts[SCOUT_UNKNOWN] == 1 ? "its" : "their",
		                 s.verdicts[SCOUT_UNKNOWN] == 1 ? "it is" : "they are");
	if (a->nphase1)
		scout_buf_printf(&b, "Phase 1 compiles %zu hot module%s that mypyc accepts as %s. ",
		                 a->nphase1, a->nphase1 == 1 ? "" : "s",
		                 a->nphase1 == 1 ? "it is" : "they are");
	if (a->nphase2) {
		size_t blocked = count_blockers(a, scan);

		scout_buf_printf(
		    &b, "Phase 2 adds %zu hot module%s (about %d%% more of the runtime)",
		    a->nphase2, a->nphase2 == 1 ? "" : "s", percent(a->phase2_covered));
		if (blocked)
			scout_buf_printf(&b, ", %zu of them blocked until their fixes land",
			                 blocked);
		scout_buf_puts(&b, ". ");
	}
	if (a->missing_slots)
		scout_buf_printf(&b, "%llu parameter and return slots still need annotations. ",
		                 (unsigned long long)a->missing_slots);
	write_outlook(&b, a, scan);
	if (a->major_version)
		scout_buf_puts(&b, " Some changes are visible to users of the package (see the "
		                   "compatibility risks): plan a major version.");
	return scout_buf_detach(&b);
}
