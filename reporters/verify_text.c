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
	case SCOUT_VERIFY_ENVIRONMENT:
		scout_buf_puts(b,
		               "not known, the build environment failed (no module's fault, not a "
		               "prediction miss): ");
		scout_escape_terminal(b, v->stop_reason ? v->stop_reason : "stopped");
		scout_buf_putc(b, '\n');
		return;
	case SCOUT_VERIFY_STOPPED:
		scout_buf_puts(b, "not known: ");
		scout_escape_terminal(b, v->stop_reason ? v->stop_reason : "stopped");
		scout_buf_putc(b, '\n');
		return;
	}
}

/* The widest path of the set, at most PATH_WIDTH_MAX. */
#define PATH_WIDTH_MAX 60

static int path_width(const scout_scan *scan, const scout_verification *v)
{
	size_t w = 6; /* "module" */

	for (size_t i = 0; i < v->nmodules; i++) {
		size_t n = strlen(scan->modules[v->modules[i].module].path);

		w = n > w ? n : w;
	}
	return (int)(w > PATH_WIDTH_MAX ? PATH_WIDTH_MAX : w);
}

static const char *outcome_label(const scout_verify_module *m)
{
	return m->outcome == SCOUT_VOUT_MISSED  ? "MISSED BLOCKER"
	       : m->outcome == SCOUT_VOUT_FALSE ? "FALSE BLOCKER"
	                                        : scout_verify_outcome_name(m->outcome);
}

static void write_row(scout_buf *b, const scout_scan *scan, const scout_verification *v,
                      const scout_verify_module *m, int width)
{
	scout_buf path = {0};

	put_path(&path, scan, m->module);
	scout_buf_printf(b, "  %-*s  %-9s  %-9s  %-16s", width, path.data,
	                 m->predicted_ready ? "ready" : "blocked", scout_verify_real_name(m),
	                 outcome_label(m));
	if (v->imported)
		scout_buf_printf(b, "  %-10s", scout_verify_import_name(m->imported));
	if (v->test.ran)
		scout_buf_printf(b, "  %zu", m->test_failures);
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	scout_buf_putc(b, '\n');
	scout_buf_free(&path);
}

/* Under a module that failed at run time: the behaviour findings of the
 * scan that warned of it, or that none did. */
static void write_warned(scout_buf *b, const scout_module *mod, const scout_verify_module *m)
{
	size_t shown = 0;

	if (!m->warned) {
		scout_buf_puts(b, "      the scan warned of no behaviour difference here\n");
		return;
	}
	scout_buf_puts(b, "      the scan warned:");
	for (size_t k = 0; k < mod->nfindings; k++) {
		const scout_finding *f = &mod->findings[k];

		if (!scout_verify_warns(f))
			continue;
		if (shown++ == 3) {
			scout_buf_printf(b, " and %zu more", m->warned - 3);
			break;
		}
		scout_buf_printf(b, "%s %s (line %u)", shown > 1 ? "," : "", f->rule, f->line);
	}
	scout_buf_putc(b, '\n');
}

/* What a row needs said under it: the error, the rule, the group. */
static void write_details(scout_buf *b, const scout_scan *scan, const scout_verification *v,
                          const scout_verify_module *m)
{
	const scout_verify_error *e =
	    m->err_round != SIZE_MAX ? &v->rounds[m->err_round].errors[m->err_index] : NULL;

	if (e) {
		scout_buf_printf(b, "      %s error", scout_verify_kind_name(e->kind));
		if (e->line)
			scout_buf_printf(b, " at line %u", e->line);
		scout_buf_puts(b, ": ");
		scout_escape_terminal(b, e->message);
		scout_buf_putc(b, '\n');
	}
	if (m->rule)
		scout_buf_printf(b, "      rule %s should have caught it%s\n", m->rule,
		                 m->rule_active ? " (report this prediction miss upstream)"
		                                : " but does not apply to this mypyc version");
	else if (m->outcome == SCOUT_VOUT_MISSED)
		scout_buf_puts(b,
		               "      no rule covers it: a prediction miss to report upstream\n");
	else if (m->outcome == SCOUT_VOUT_ENV)
		scout_buf_puts(b, "      the build environment, not the module: install what it "
		                  "needs where mypyc runs\n");
	if (m->tied_to != SIZE_MAX) {
		scout_buf_puts(b, "      taken out with ");
		put_path(b, scan, m->tied_to);
		scout_buf_puts(b,
		               " (same group: a class of one subclasses a class of the other)\n");
	}
	if (m->import_error) {
		scout_buf_puts(b, "      import: ");
		scout_escape_terminal(b, m->import_error);
		scout_buf_putc(b, '\n');
	}
	if (scout_verify_failed_at_runtime(m))
		write_warned(b, &scan->modules[m->module], m);
}

static void write_table(scout_buf *b, const scout_scan *scan, const scout_verification *v)
{
	int width = path_width(scan, v);

	if (!v->nmodules)
		return;
	scout_buf_puts(b, "\nPredicted vs real:\n");
	scout_buf_printf(b, "  %-*s  %-9s  %-9s  %-16s", width, "module", "predicted", "real",
	                 "outcome");
	if (v->imported)
		scout_buf_printf(b, "  %-10s", "import");
	if (v->test.ran)
		scout_buf_puts(b, "  test failures");
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	scout_buf_putc(b, '\n');
	for (size_t i = 0; i < v->nmodules; i++) {
		write_row(b, scan, v, &v->modules[i], width);
		write_details(b, scan, v, &v->modules[i]);
	}
}

static void write_plugins(scout_buf *b, const scout_verification *v)
{
	if (!v->nplugins)
		return;
	scout_buf_puts(b, "mypy plugins (");
	scout_escape_terminal(b, v->config);
	scout_buf_puts(b, "):");
	for (size_t i = 0; i < v->nplugins; i++) {
		const scout_verify_plugin *p = &v->plugins[i];

		scout_buf_puts(b, i ? ", " : " ");
		scout_escape_terminal(b, p->name);
		scout_buf_printf(b, " (%s, %s)", p->local ? "the project's" : "installed",
		                 p->kept ? "kept" : "left out");
	}
	scout_buf_putc(b, '\n');
	for (size_t i = 0; i < v->nplugins; i++)
		if (!v->plugins[i].kept) {
			scout_buf_puts(
			    b, "  the project's own plugins are its code, which mypy would "
			       "import: left out of the scratch copy's configuration, so mypy "
			       "may report errors they would silence; --allow-plugins keeps "
			       "them\n");
			break;
		}
}

static void write_test(scout_buf *b, const scout_scan *scan, const scout_verification *v)
{
	const scout_verify_test *t = &v->test;

	if (v->imported)
		scout_buf_printf(b,
		                 "\nImport (ran the project's code): %zu of %zu compiled module%s "
		                 "import from their extension with ",
		                 v->nverified - v->import_failures, v->nverified,
		                 v->nverified == 1 ? "" : "s");
	if (v->imported) {
		scout_escape_terminal(b, v->python);
		scout_buf_putc(b, '\n');
	}
	if (!t->ran)
		return;
	if (t->baseline_ran && t->baseline_timed_out)
		scout_buf_printf(b,
		                 "\nTests interpreted first (the baseline): stopped at the timeout "
		                 "after %.1f s\n",
		                 t->baseline_seconds);
	else if (t->baseline_ran)
		scout_buf_printf(
		    b, "\nTests interpreted first (the baseline): %s (exit %d) in %.1f s\n",
		    t->baseline_exit ? "FAILED" : "passed", t->baseline_exit, t->baseline_seconds);
	if (!t->baseline_ran)
		scout_buf_putc(b, '\n');
	scout_buf_puts(b, "Tests against the compiled build (ran the project's code): ");
	scout_escape_terminal(b, t->command);
	if (t->timed_out)
		scout_buf_printf(b, "\n  stopped at the timeout after %.1f s\n", t->seconds);
	else
		scout_buf_printf(b, "\n  %s (exit %d) in %.1f s\n",
		                 t->exit_status ? "FAILED" : "passed", t->exit_status, t->seconds);
	for (size_t i = 0; i < t->nfailures; i++) {
		scout_buf_puts(b, "  ");
		put_path(b, scan, t->failures[i].module);
		if (t->failures[i].line)
			scout_buf_printf(b, ":%u", t->failures[i].line);
		scout_buf_puts(b, ": ");
		scout_escape_terminal(b, t->failures[i].message);
		if (t->failures[i].interpreted_too)
			scout_buf_puts(b, "  (fails interpreted too: not mypyc's doing)");
		scout_buf_putc(b, '\n');
	}
	if (t->unattributed)
		scout_buf_printf(b, "  %zu failure%s the traceback ties to no compiled module\n",
		                 t->unattributed, t->unattributed == 1 ? "" : "s");
	if (t->exit_status && !t->nfailures && t->ntail) {
		scout_buf_puts(b, "  its output ends:\n");
		for (size_t i = 0; i < t->ntail; i++) {
			scout_buf_puts(b, "    | ");
			scout_escape_terminal(b, t->tail[i]);
			scout_buf_putc(b, '\n');
		}
	}
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
	if (c[SCOUT_VOUT_ENV])
		scout_buf_printf(b, ", %zu stopped by the build environment", c[SCOUT_VOUT_ENV]);
	scout_buf_puts(b, ".\n");
	if (v->runtime_failures)
		scout_buf_printf(
		    b,
		    "Run time: %zu compiled module%s failed (import or tests); the scan "
		    "warned of %zu of them with a behaviour finding.\n",
		    v->runtime_failures, v->runtime_failures == 1 ? "" : "s", v->runtime_warned);
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
	scout_buf_printf(&b, "); rules evaluated for mypyc %s; %s\n", v->version,
	                 v->date ? v->date : "");
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
	write_plugins(&b, v);
	for (size_t i = 0; i < v->nrounds; i++)
		write_round(&b, scan, &v->rounds[i], i);
	write_verified(&b, scan, v);
	write_test(&b, scan, v);
	write_table(&b, scan, v);
	write_summary(&b, v);
	if (fwrite(b.data, 1, b.len, out) != b.len)
		error = SCOUT_EIO;
	scout_buf_free(&b);
	return error;
}
