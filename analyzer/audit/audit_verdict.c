/* The audit's one-paragraph verdict, in plain words, from the figures the
 * other sections show. */
#include <math.h>
#include <stdlib.h>

#include "audit_build.h"
#include "scout/plan.h"

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

static void write_outlook(scout_buf *b, const scout_audit *a, const scout_scan *scan)
{
	double both = scan->plan.covered + a->phase2_covered;

	if (a->nphase1 && scan->plan.covered >= WORTH_NOW)
		scout_buf_printf(b,
		                 "Worth starting now: compiling phase 1 alone covers about %d%% of "
		                 "the estimated runtime.",
		                 percent(scan->plan.covered));
	else if (both >= WORTH_LATER && a->nphase2)
		scout_buf_printf(
		    b,
		    "Worth it with phase 2: together the two phases cover about %d%% of "
		    "the estimated runtime.",
		    percent(both));
	else if (a->nphase1)
		scout_buf_printf(
		    b,
		    "A small start: phase 1 covers about %d%% of the estimated runtime, "
		    "so measure before going further.",
		    percent(scan->plan.covered));
	else if (a->nblocked && a->unlocks >= WORTH_LATER)
		scout_buf_printf(
		    b,
		    "Worth it once the blockers are fixed: they hold back about %d%% of "
		    "the estimated runtime.",
		    percent(a->unlocks));
	else
		scout_buf_puts(b, "Not worth it now: no module is both hot and ready to compile.");
}

/* "lagom compiles 3 modules with mypyc today (setup.py mypycify); the plan
 * keeps 2 of them, 1 is blocked." */
static void write_current(scout_buf *b, const scout_audit *a, const scout_scan *scan)
{
	size_t kept = 0;

	if (!scan->compile_source)
		return;
	for (size_t i = 0; i < a->ncurrent; i++)
		kept += scan->plan.places[a->current[i].module].list == SCOUT_LIST_PLAN;
	scout_buf_printf(b, "%s compiles %zu module%s with mypyc today (%s)",
	                 a->project_name ? a->project_name : "This project", a->ncurrent,
	                 a->ncurrent == 1 ? "" : "s", scan->compile_source);
	if (a->ncurrent && kept == a->ncurrent)
		scout_buf_printf(b, "; the plan keeps %s. ", a->ncurrent == 1 ? "it" : "them all");
	else if (a->ncurrent)
		scout_buf_printf(b,
		                 "; the plan keeps %zu of them, the others are blocked or not "
		                 "worth compiling (see the plan). ",
		                 kept);
	else
		scout_buf_puts(b, ". ");
}

static void write_lists(scout_buf *b, const scout_audit *a, const scout_scan *scan)
{
	if (a->nphase1)
		scout_buf_printf(b,
		                 "Phase 1 compiles %zu module%s that mypyc accepts as %s (%d%% of "
		                 "the estimated runtime). ",
		                 a->nphase1, a->nphase1 == 1 ? "" : "s",
		                 a->nphase1 == 1 ? "it is" : "they are",
		                 percent(scan->plan.covered));
	if (a->nphase2)
		scout_buf_printf(
		    b, "Phase 2 adds the rest of the plan, %zu module%s (about %d%% more). ",
		    a->nphase2, a->nphase2 == 1 ? "" : "s", percent(a->phase2_covered));
	if (a->nblocked)
		scout_buf_printf(
		    b,
		    "The plan's blocked list holds %zu module%s; fixing %s unlocks about "
		    "%d%% of the runtime%s. ",
		    a->nblocked, a->nblocked == 1 ? "" : "s", a->nblocked == 1 ? "it" : "them",
		    percent(a->unlocks),
		    a->totals.verdicts[SCOUT_BLOCKED] + a->totals.verdicts[SCOUT_UNKNOWN] >
		            a->nblocked
		        ? " (the other blocked modules are not worth compiling anyway)"
		        : "");
	if (a->nskip)
		scout_buf_printf(b, "%zu %s not worth compiling: nothing in %s would run faster. ",
		                 a->nskip, a->nskip == 1 ? "is" : "are",
		                 a->nskip == 1 ? "it" : "them");
	if (a->nexcluded)
		scout_buf_printf(
		    b, "The build leaves %zu out on purpose; the plan never proposes %s. ",
		    a->nexcluded, a->nexcluded == 1 ? "it" : "them");
}

char *scout_audit_verdict_text(const scout_audit *a, const scout_scan *scan)
{
	const scout_summary *s = &a->totals;
	scout_buf b = {0};

	if (s->modules == 0)
		return scout_strdup(
		    a->not_shipped
		        ? "None of the scanned modules is shipped, so there is nothing to "
		          "compile."
		        : "No Python modules were found, so there is nothing to compile.");
	write_current(&b, a, scan);
	scout_buf_printf(&b, "%zu of the %zu shipped modules %s ready for mypyc today",
	                 s->verdicts[SCOUT_READY], s->modules,
	                 s->verdicts[SCOUT_READY] == 1 ? "is" : "are");
	scout_buf_printf(
	    &b, "; %zu need%s annotations, %zu need%s changes and %zu %s blocked",
	    s->verdicts[SCOUT_NEEDS_ANNOTATIONS], plural_s(s->verdicts[SCOUT_NEEDS_ANNOTATIONS]),
	    s->verdicts[SCOUT_NEEDS_CHANGES], plural_s(s->verdicts[SCOUT_NEEDS_CHANGES]),
	    s->verdicts[SCOUT_BLOCKED], s->verdicts[SCOUT_BLOCKED] == 1 ? "is" : "are");
	if (a->not_shipped)
		scout_buf_printf(&b,
		                 " (%zu more module%s, such as tests, %s not shipped and not "
		                 "counted here)",
		                 a->not_shipped, a->not_shipped == 1 ? "" : "s",
		                 a->not_shipped == 1 ? "is" : "are");
	scout_buf_puts(&b, ". ");
	if (s->verdicts[SCOUT_UNKNOWN])
		scout_buf_printf(&b,
		                 "The bundled grammar cannot parse %zu module%s in full, so %s "
		                 "verdict is unknown. ",
		                 s->verdicts[SCOUT_UNKNOWN],
		                 s->verdicts[SCOUT_UNKNOWN] == 1 ? "" : "s",
		                 s->verdicts[SCOUT_UNKNOWN] == 1 ? "its" : "their");
	write_lists(&b, a, scan);
	if (a->missing_slots)
		scout_buf_printf(&b, "%llu parameter and return slots still need annotations. ",
		                 (unsigned long long)a->missing_slots);
	write_outlook(&b, a, scan);
	if (a->major_version)
		scout_buf_puts(&b, " Some changes are visible to users of the package (see the "
		                   "compatibility risks): plan a major version.");
	return scout_buf_detach(&b);
}
