/* The Markdown job summary: what a reviewer sees on the workflow run page. */
#include "summary.h"

#include <stdlib.h>

#include "assumes.h"
#include "escape.h"
#include "github_kind.h"
#include "output.h"

#define MAX_PLAN     10
#define MAX_BLOCKERS 20

static void write_counts(scout_buf *b, const scout_scan *scan)
{
	scout_summary s;

	bool unknown;

	scout_scan_summarise(scan, &s);
	unknown = s.verdicts[SCOUT_UNKNOWN] > 0; /* a column only when some module is */
	scout_buf_printf(b,
	                 "## mypyc-scout\n\n%zu modules, %llu lines, annotation coverage "
	                 "%.1f%%\n\n| ready | needs-annotations | needs-changes | blocked |%s\n"
	                 "| ---: | ---: | ---: | ---: |%s\n| %zu | %zu | %zu | %zu |",
	                 s.modules, (unsigned long long)s.lines,
	                 100.0 * scout_annotations_coverage(&s.ann), unknown ? " unknown |" : "",
	                 unknown ? " ---: |" : "", s.verdicts[SCOUT_READY],
	                 s.verdicts[SCOUT_NEEDS_ANNOTATIONS], s.verdicts[SCOUT_NEEDS_CHANGES],
	                 s.verdicts[SCOUT_BLOCKED]);
	if (unknown)
		scout_buf_printf(b, " %zu |", s.verdicts[SCOUT_UNKNOWN]);
	scout_buf_puts(b, "\n");
}

static void write_plan(scout_buf *b, const scout_scan *scan)
{
	size_t shown = 0;

	if (!scan->plan.built || scan->plan.ncompile == 0)
		return;
	scout_buf_printf(b, "\n### Compile first (covers %.1f%% of estimated runtime)\n\n",
	                 100.0 * scan->plan.covered);
	scout_buf_puts(b, "| module | hotness | score | group |\n| --- | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < scan->plan.ncompile && shown < MAX_PLAN; i++) {
		const scout_module *m = &scan->modules[scan->plan.compile[i].module];

		if (!scan->plan.compile[i].first_phase)
			continue;
		scout_buf_puts(b, "| ");
		scout_escape_markdown_code(b, m->path, true);
		scout_buf_printf(b, " | %.3f | %d | %d |\n", m->hotness, m->score,
		                 scan->plan.compile[i].group);
		shown++;
	}
}

static void write_blockers(scout_buf *b, const scout_scan *scan)
{
	size_t total = 0, shown = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++)
			total += scout_report_blocks(&scan->modules[i].findings[j]);
	scout_buf_printf(b, "\n### Blockers reported: %zu\n\n", total);
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; j < m->nfindings && shown < MAX_BLOCKERS; j++) {
			const scout_finding *f = &m->findings[j];

			if (!scout_report_blocks(f))
				continue;
			char *where = scout_asprintf("%s:%u", m->path, (unsigned)f->line);

			scout_buf_puts(b, "- ");
			scout_escape_markdown_code(b, where, false);
			scout_buf_printf(b, " **%s**: ", f->rule);
			free(where);
			scout_escape_markdown_inline(b, f->message);
			scout_buf_putc(b, '\n');
			shown++;
		}
	}
	if (total > shown)
		scout_buf_printf(b, "- ... and %zu more\n", total - shown);
}

/* The annotations --format github makes of each type, and how many of them
 * GitHub shows: the ones it drops are counted here. */
static void write_annotations(scout_buf *b, const scout_scan *scan)
{
	size_t total[SCOUT_GITHUB_KIND_COUNT];

	scout_github_count(scan, total);
	scout_buf_printf(
	    b,
	    "\n### Annotations\n\nGitHub shows %d of each type per step; "
	    "`--format github` writes those and counts the rest here.\n\n"
	    "| type | findings | annotated | not shown |\n| --- | ---: | ---: | ---: |\n",
	    SCOUT_GITHUB_PER_KIND);
	for (int k = 0; k < SCOUT_GITHUB_KIND_COUNT; k++) {
		size_t shown = total[k] < SCOUT_GITHUB_PER_KIND ? total[k] : SCOUT_GITHUB_PER_KIND;

		scout_buf_printf(b, "| %s | %zu | %zu | %zu |\n", scout_github_kind_name(k),
		                 total[k], shown, total[k] - shown);
	}
}

int scout_summary_write(FILE *out, const scout_scan *scan)
{
	scout_buf b = {0};

	write_counts(&b, scan);
	write_plan(&b, scan);
	write_blockers(&b, scan);
	write_annotations(&b, scan);
	return scout_output_write(out, &b, "the job summary");
}
