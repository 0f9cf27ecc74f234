/* The text report's findings and per-rule counts (text_findings.h). */
#include "text_findings.h"

#include <stdlib.h>
#include <string.h>

#include "assumes.h"
#include "escape.h"
#include "paths.h"
#include "scout/ruleinfo.h"
#include "text_util.h"

/* What each category means, after its name on a group's line. */
static const char *const meaning[SCOUT_CATEGORY_COUNT] = {
    [SCOUT_BLOCKER] = "mypyc refuses to compile these",
    [SCOUT_NON_NATIVE] = "the class compiles as an ordinary Python class",
    [SCOUT_BEHAVIOUR] = "compiled code behaves differently here",
    [SCOUT_SLOW] = "compiles, but gains little speed",
    [SCOUT_INFO] = "differs only where users of the module do not meet it (docs/severity.md)",
};

bool scout_text_listed(const scout_module *m, const scout_finding *f, const scout_text_opts *t)
{
	return t->show_all ||
	       (m->gated && scout_finding_holds(f) && f->category <= SCOUT_BEHAVIOUR);
}

/* The listing's budget: lines of findings the default digest writes before
 * it says how many more there are (--show-all has none). */
#define DIGEST_LINES       40
#define DIGEST_LINES_NAMED 5 /* the other lines of a rule named after "more" */

typedef struct listing {
	scout_buf *b;
	const scout_scan *scan;
	const scout_report_opts *opts;
	size_t lines;    /* lines written so far */
	size_t left_out; /* findings over the budget */
} listing;

static bool over_budget(const listing *l)
{
	return !l->opts->text.show_all && l->lines >= DIGEST_LINES;
}

/* `path:line:col: rule-id message`, " [if compiled with ...]" when it
 * assumes modules, then `more` (a digest's other lines of the rule) and
 * "    fix: ..." under it with --show-fixes. */
static void write_finding(listing *l, const scout_module *m, const scout_finding *f,
                          const char *more)
{
	scout_buf *b = l->b;

	scout_report_local_path(b, l->scan, m->path);
	scout_buf_printf(b, ":%u:%u: ", (unsigned)f->line, (unsigned)f->column);
	scout_escape_terminal(b, f->rule);
	scout_buf_puts(b, " ");
	scout_escape_terminal(b, f->message);
	if (f->nassumes) {
		scout_buf_puts(b, " [");
		scout_report_assumes(b, f, scout_escape_terminal);
		scout_buf_puts(b, "]");
	}
	scout_buf_puts(b, more ? more : "");
	scout_buf_puts(b, "\n");
	l->lines++;
	if (l->opts->text.show_fixes && f->fix && *f->fix) {
		scout_buf_puts(b, "    fix: ");
		scout_escape_terminal(b, f->fix);
		scout_buf_puts(b, "\n");
		l->lines++;
	}
}

static bool listed_in(const listing *l, const scout_module *m, size_t j, scout_category c)
{
	return m->findings[j].category == c &&
	       scout_text_listed(m, &m->findings[j], &l->opts->text);
}

/* True when finding j is the first listed one of its rule and category in m. */
static bool first_of_rule(const listing *l, const scout_module *m, size_t j, scout_category c)
{
	for (size_t k = 0; k < j; k++)
		if (listed_in(l, m, k, c) && strcmp(m->findings[k].rule, m->findings[j].rule) == 0)
			return false;
	return true;
}

/* The digest's line for finding j of m: the first of its rule, with
 * " (+N more here: lines a, b, …)" for the others. */
static void write_digest_line(listing *l, const scout_module *m, size_t j, scout_category c)
{
	scout_buf more = {0};
	size_t n = 0;

	for (size_t k = j + 1; k < m->nfindings; k++) {
		if (!listed_in(l, m, k, c) || strcmp(m->findings[k].rule, m->findings[j].rule) != 0)
			continue;
		if (n < DIGEST_LINES_NAMED)
			scout_buf_printf(&more, "%s%u", n ? ", " : "",
			                 (unsigned)m->findings[k].line);
		else if (n == DIGEST_LINES_NAMED)
			scout_buf_puts(&more, ", " SCOUT_TEXT_ELLIPSIS);
		n++;
	}
	if (n) {
		char *text = scout_asprintf(" (+%zu more here: line%s %s)", n, scout_text_plural(n),
		                            more.data);

		write_finding(l, m, &m->findings[j], text);
		free(text);
	} else {
		write_finding(l, m, &m->findings[j], NULL);
	}
	scout_buf_free(&more);
}

static size_t count_listed(const scout_scan *scan, const scout_report_opts *opts, scout_category c)
{
	size_t n = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++)
			n += scan->modules[i].findings[j].category == c &&
			     scout_text_listed(&scan->modules[i], &scan->modules[i].findings[j],
			                       &opts->text);
	return n;
}

static void write_group(listing *l, scout_category c, size_t n)
{
	const scout_scan *scan = l->scan;

	scout_text_put_colored(l->b, l->opts, scout_text_category_color(c), scout_category_name(c));
	scout_buf_printf(l->b, ": %zu finding%s, %s\n", n, scout_text_plural(n), meaning[c]);
	l->lines++;
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; j < m->nfindings; j++) {
			if (!listed_in(l, m, j, c))
				continue;
			if (over_budget(l))
				l->left_out++;
			else if (l->opts->text.show_all)
				write_finding(l, m, &m->findings[j], NULL);
			else if (first_of_rule(l, m, j, c))
				write_digest_line(l, m, j, c);
		}
	}
}

/* The module of `path`, or NULL (a file that is no module: unreadable, say). */
static const scout_module *module_of(const scout_scan *scan, const char *path)
{
	for (size_t i = 0; i < scan->nmodules; i++)
		if (strcmp(scan->modules[i].path, path) == 0)
			return &scan->modules[i];
	return NULL;
}

static void write_diagnostics(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	for (size_t i = 0; i < scan->ndiags; i++) {
		const scout_diagnostic *d = &scan->diags[i];
		const scout_module *m = module_of(scan, d->path);

		if (m && !m->gated && !opts->text.show_all)
			continue;
		if (m && opts->diff_base && !m->got_worse && !m->nfindings)
			continue; /* a file the change did not touch */
		scout_report_local_path(b, scan, d->path);
		if (d->line)
			scout_buf_printf(b, ":%u", (unsigned)d->line);
		scout_buf_printf(b, ": %s: ", scout_diag_kind_name(d->kind));
		scout_escape_terminal(b, d->message);
		scout_buf_puts(b, "\n");
	}
}

size_t scout_text_write_findings(scout_buf *b, const scout_scan *scan,
                                 const scout_report_opts *opts)
{
	listing l = {b, scan, opts, 0, 0};
	size_t total = 0;

	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++) {
		size_t n = count_listed(scan, opts, (scout_category)c);

		if (n && !over_budget(&l))
			write_group(&l, (scout_category)c, n);
		else
			l.left_out += n;
		total += n;
	}
	if (l.left_out)
		scout_buf_printf(b,
		                 "%s %zu more finding%s past the first %d lines: --show-all lists "
		                 "every one, --statistics counts them per rule\n",
		                 SCOUT_TEXT_ELLIPSIS, l.left_out, scout_text_plural(l.left_out),
		                 DIGEST_LINES);
	write_diagnostics(b, scan, opts);
	return total;
}

/* ---- --statistics ---------------------------------------------------------- */

typedef struct rule_count {
	const char *rule;
	scout_category category;
	size_t count;
} rule_count;

static int by_count(const void *pa, const void *pb)
{
	const rule_count *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

static void add_count(rule_count **counts, size_t *n, size_t *cap, const scout_finding *f)
{
	for (size_t k = 0; k < *n; k++)
		if (strcmp((*counts)[k].rule, f->rule) == 0) {
			(*counts)[k].count++;
			return;
		}
	SCOUT_PUSH(*counts, *n, *cap, ((rule_count){f->rule, f->category, 1}));
}

void scout_text_write_statistics(scout_buf *b, const scout_scan *scan,
                                 const scout_report_opts *opts)
{
	rule_count *counts = NULL;
	size_t n = 0, cap = 0, width = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++)
			if (scan->modules[i].gated || opts->text.show_all)
				add_count(&counts, &n, &cap, &scan->modules[i].findings[j]);
	if (n)
		qsort(counts, n, sizeof(*counts), by_count);
	for (size_t k = 0; k < n; k++)
		if (strlen(counts[k].rule) > width)
			width = strlen(counts[k].rule);
	for (size_t k = 0; k < n; k++) {
		const scout_rule_info *info = scout_rule_info_find(counts[k].rule);

		scout_buf_printf(b, "%6zu  ", counts[k].count);
		scout_text_put_left(b, counts[k].rule, width);
		scout_buf_puts(b, "  ");
		scout_text_put_colored(b, opts, scout_text_category_color(counts[k].category),
		                       scout_category_name(counts[k].category));
		scout_text_put_left(b, "", 10 - strlen(scout_category_name(counts[k].category)));
		scout_buf_printf(b, "  %s\n", info && info->title ? info->title : "");
	}
	free(counts);
}
