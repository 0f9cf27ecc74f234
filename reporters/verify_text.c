/* The verify command's text report: the compiler, each compile with what it
 * said and what was taken out, the verified plan with its paste-ready
 * snippet, and per module what the scan predicted next to what happened. */
#include "verify_report.h"

#include <string.h>

#include "escape.h"
#include "text_plan.h"

/* At most this many errors listed per compile (JSON has them all). */
#define ERRORS_SHOWN 20

static void put_path(scout_buf *b, const scout_scan *scan, size_t module)
{
	scout_escape_terminal(b, scan->modules[module].path);
}

static void write_error(scout_buf *b, const scout_verify_error *e)
{
	scout_buf_puts(b, "    ");
	if (e->path) {
		scout_escape_terminal(b, e->path);
		if (e->line)
			scout_buf_printf(b, ":%u", e->line);
		scout_buf_puts(b, ": ");
	}
	scout_buf_printf(b, "%s error: ", scout_verify_kind_name(e->kind));
	scout_escape_terminal(b, e->message);
	if (e->code) {
		scout_buf_puts(b, "  [");
		scout_escape_terminal(b, e->code);
		scout_buf_putc(b, ']');
	}
	scout_buf_putc(b, '\n');
}

static void write_unparsed(scout_buf *b, const scout_verify_round *r)
{
	size_t shown = r->nunparsed < ERRORS_SHOWN ? r->nunparsed : ERRORS_SHOWN;

	if (!r->nunparsed)
		return;
	scout_buf_printf(b, "  output no pattern reads (%zu line%s, verbatim):\n",
	                 r->nunparsed + r->unparsed_dropped,
	                 r->nunparsed + r->unparsed_dropped == 1 ? "" : "s");
	for (size_t i = 0; i < shown; i++) {
		scout_buf_puts(b, "    | ");
		scout_escape_terminal(b, r->unparsed[i]);
		scout_buf_putc(b, '\n');
	}
	if (r->nunparsed + r->unparsed_dropped > shown)
		scout_buf_printf(b, "    | ... %zu more (JSON verification.rounds[].unparsed)\n",
		                 r->nunparsed + r->unparsed_dropped - shown);
}

static void write_round(scout_buf *b, const scout_scan *scan, const scout_verify_round *r,
                        size_t index)
{
	scout_buf_printf(b, "\nCompile %zu: %zu module%s, ", index + 1, r->nmodules,
	                 r->nmodules == 1 ? "" : "s");
	if (r->ok)
		scout_buf_printf(b, "compiled in %.1f s\n", r->seconds);
	else if (r->timed_out)
		scout_buf_printf(b, "stopped at the timeout after %.1f s\n", r->seconds);
	else if (r->interrupted)
		scout_buf_printf(b, "interrupted after %.1f s\n", r->seconds);
	else if (r->signal)
		scout_buf_printf(b, "the compiler died of signal %d after %.1f s\n", r->signal,
		                 r->seconds);
	else
		scout_buf_printf(b, "failed in %.1f s (exit %d)\n", r->seconds, r->exit_status);
	if (r->dropped_bytes)
		scout_buf_printf(b, "  output: %llu bytes, %llu dropped from the middle\n",
		                 (unsigned long long)r->output_bytes,
		                 (unsigned long long)r->dropped_bytes);
	for (size_t i = 0; i < r->nerrors && i < ERRORS_SHOWN; i++)
		write_error(b, &r->errors[i]);
	if (r->nerrors > ERRORS_SHOWN)
		scout_buf_printf(b, "    ... %zu more errors (JSON verification.rounds[].errors)\n",
		                 r->nerrors - ERRORS_SHOWN);
	write_unparsed(b, r);
	if (r->nremoved) {
		scout_buf_puts(b, "  taken out:");
		for (size_t i = 0; i < r->nremoved; i++) {
			scout_buf_puts(b, i ? ", " : " ");
			put_path(b, scan, r->removed[i]);
		}
		scout_buf_putc(b, '\n');
	}
}

static void write_verified(scout_buf *b, const scout_scan *scan, const scout_verification *v)
{
	scout_buf_printf(b, "\nVerified plan: ");
	switch ((scout_verify_status)v->status) {
	case SCOUT_VERIFY_ALL:
	case SCOUT_VERIFY_PART:
		scout_buf_printf(b, "%zu of %zu module%s compile%s with mypyc %s\n", v->nverified,
		                 v->nmodules, v->nmodules == 1 ? "" : "s",
		                 v->nverified == 1 ? "s" : "", v->version);
		scout_text_write_snippet(b, scan, v->verified, v->nverified);
		return;
	case SCOUT_VERIFY_NONE:
		scout_buf_printf(b, "none of the %zu modules compiles with mypyc %s\n", v->nmodules,
		                 v->version);
		return;
	case SCOUT_VERIFY_EMPTY:
		scout_buf_puts(b, "nothing to compile (the set is empty)\n");
		return;
	case SCOUT_VERIFY_STOPPED:
		scout_buf_puts(b, "not known: ");
		scout_escape_terminal(b, v->stop_reason ? v->stop_reason : "stopped");
		scout_buf_putc(b, '\n');
		return;
	}
}

static void write_module(scout_buf *b, const scout_scan *scan, const scout_verification *v,
                         const scout_verify_module *m)
{
	const scout_verify_error *e =
	    m->err_round != SIZE_MAX ? &v->rounds[m->err_round].errors[m->err_index] : NULL;

	scout_buf_puts(b, "  ");
	put_path(b, scan, m->module);
	scout_buf_printf(b, "\n      predicted %s, %s: %s",
	                 m->predicted_ready ? "ready" : "blocked", scout_verify_real_name(m),
	                 m->outcome == SCOUT_VOUT_MISSED  ? "MISSED BLOCKER"
	                 : m->outcome == SCOUT_VOUT_FALSE ? "FALSE BLOCKER"
	                                                  : scout_verify_outcome_name(m->outcome));
	if (e) {
		scout_buf_printf(b, "\n      %s error", scout_verify_kind_name(e->kind));
		if (e->line)
			scout_buf_printf(b, " at line %u", e->line);
		scout_buf_puts(b, ": ");
		scout_escape_terminal(b, e->message);
	}
	if (m->rule)
		scout_buf_printf(b, "\n      rule %s should have caught it%s", m->rule,
		                 m->rule_active ? " (report this prediction miss upstream)"
		                                : " but does not apply to this mypyc version");
	else if (m->outcome == SCOUT_VOUT_MISSED)
		scout_buf_puts(b,
		               "\n      no rule covers it: a prediction miss to report upstream");
	if (m->tied_to != SIZE_MAX) {
		scout_buf_puts(b, "\n      taken out with ");
		put_path(b, scan, m->tied_to);
		scout_buf_puts(b, " (same group: a class of one subclasses a class of the other)");
	}
	scout_buf_putc(b, '\n');
}

static void write_summary(scout_buf *b, const scout_verification *v)
{
	const size_t *c = v->counts;
	size_t judged = c[SCOUT_VOUT_CONFIRMED] + c[SCOUT_VOUT_MISSED] + c[SCOUT_VOUT_FALSE];

	if (judged)
		scout_buf_printf(b, "\nAgreement: %zu of %zu predictions confirmed (%.1f%%)",
		                 c[SCOUT_VOUT_CONFIRMED], judged, 100.0 * v->agreement);
	else
		scout_buf_puts(b, "\nAgreement: no prediction could be checked");
	scout_buf_printf(b, "; %zu missed blocker%s, %zu false blocker%s", c[SCOUT_VOUT_MISSED],
	                 c[SCOUT_VOUT_MISSED] == 1 ? "" : "s", c[SCOUT_VOUT_FALSE],
	                 c[SCOUT_VOUT_FALSE] == 1 ? "" : "s");
	if (c[SCOUT_VOUT_TYPE_FIXES])
		scout_buf_printf(b, ", %zu needing type fixes", c[SCOUT_VOUT_TYPE_FIXES]);
	if (c[SCOUT_VOUT_TIED])
		scout_buf_printf(b, ", %zu taken out with their group", c[SCOUT_VOUT_TIED]);
	if (c[SCOUT_VOUT_UNKNOWN])
		scout_buf_printf(b, ", %zu not known", c[SCOUT_VOUT_UNKNOWN]);
	scout_buf_puts(b, ".\n");
}

int scout_verify_text_write(FILE *out, const scout_scan *scan, const scout_verification *v)
{
	scout_buf b = {0};
	int error = 0;

	scout_buf_puts(&b, "mypyc-scout verify: ");
	scout_escape_terminal(&b, scan->root ? scan->root : ".");
	scout_buf_puts(&b, "\nCompiler: ");
	scout_escape_terminal(&b, v->compiler_banner ? v->compiler_banner : "?");
	scout_buf_puts(&b, " (");
	scout_escape_terminal(&b, v->compiler);
	scout_buf_printf(&b, "); rules evaluated for mypyc %s\n", v->version);
	scout_buf_printf(&b, "Scratch copy: %zu files, ", v->files_copied);
	if (v->kept) {
		scout_buf_puts(&b, "kept in ");
		scout_escape_terminal(&b, v->scratch);
		scout_buf_putc(&b, '\n');
	} else {
		scout_buf_puts(&b, "removed afterwards\n");
	}
	scout_buf_printf(&b, "Set: %s (%zu module%s)\n", v->set, v->nmodules,
	                 v->nmodules == 1 ? "" : "s");
	for (size_t i = 0; i < v->nrounds; i++)
		write_round(&b, scan, &v->rounds[i], i);
	write_verified(&b, scan, v);
	if (v->nmodules)
		scout_buf_puts(&b, "\nPredicted vs real:\n");
	for (size_t i = 0; i < v->nmodules; i++)
		write_module(&b, scan, v, &v->modules[i]);
	write_summary(&b, v);
	if (fwrite(b.data, 1, b.len, out) != b.len)
		error = SCOUT_EIO;
	scout_buf_free(&b);
	return error;
}
