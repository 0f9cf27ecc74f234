/* --format junit: JUnit XML, for CI systems that show test reports (GitLab
 * `artifacts:reports:junit`, Jenkins, Azure Pipelines):
 *
 *   <testsuites name="mypyc-scout" tests= failures= errors= skipped=>
 *     <testsuite name="mypyc-scout" (the same counts)>
 *       <testcase classname="<module>" name="<path>">     one per module
 *         <failure type="<rule>" message="<rule>: <message>">   one per blocker
 *           <path>:<line>:<col>: blocker <rule> <message>     that holds
 *               if compiled with <paths>   (when it assumes modules)
 *               fix: <fix></failure>
 *         <skipped message="unknown: ..."/>   verdict unknown (the grammar
 *           cannot parse the module in full, and nothing blocks it)
 *         <system-out>the module's other findings (a blocker that does not
 *           hold among them: it assumes a module the recommended build leaves
 *           interpreted), one per line (then its fix), as the text report
 *           writes them</system-out>
 *         <system-err>diagnostics about the module's file</system-err>
 *       </testcase>
 *       <testcase classname="mypyc-scout" name="<path>">  a diagnostic about a
 *         file that is not a module (unreadable, skipped, ...):
 *         <skipped message=> for `skipped`, <error type= message=> otherwise
 *     </testsuite>
 *   </testsuites>
 *
 * Test cases are in path order (modules and diagnostics are both sorted by
 * path). `failures` counts test cases with a failure (modules with a blocker
 * that holds), `errors` the diagnostic test cases, `skipped` the `skipped`
 * ones and the modules of verdict unknown. No times or host names:
 * same scan, same bytes. Every string from the scanned repository goes through
 * scout_escape_xml (entities, character references for TAB/LF/CR, U+FFFD for
 * the characters XML 1.0 forbids and for ill-formed UTF-8). */
#include "reporter.h"
#include "assumes.h"
#include "output.h"
#include "escape.h"

#include <string.h>

typedef struct counts {
	size_t tests, failures, errors, skipped;
} counts;

static bool has_blocker(const scout_module *m)
{
	for (size_t i = 0; i < m->nfindings; i++)
		if (scout_report_blocks(&m->findings[i]))
			return true;
	return false;
}

/* A `skipped` diagnostic's test case is <skipped>; the other kinds, <error>. */
static bool diag_is_skip(const scout_diagnostic *d)
{
	return d->kind == SCOUT_DIAG_SKIPPED;
}

/* Calls `visit` for modules and diagnostics merged in path order: (m, NULL)
 * for a module with the diagnostics about its path in [*d, *d + *nd); (NULL,
 * d) with nd = 1 for a diagnostic about another file. */
typedef void (*visit_fn)(void *ctx, const scout_module *m, const scout_diagnostic *d, size_t nd);

static void walk(const scout_scan *scan, visit_fn visit, void *ctx)
{
	size_t i = 0, j = 0;

	while (i < scan->nmodules || j < scan->ndiags) {
		const scout_module *m = i < scan->nmodules ? &scan->modules[i] : NULL;
		const scout_diagnostic *d = j < scan->ndiags ? &scan->diags[j] : NULL;
		int order = !m   ? 1
		            : !d ? -1
		                 : strcmp(m->path ? m->path : "", d->path ? d->path : "");
		size_t n = 0;

		if (order > 0) { /* a file that is not a module */
			visit(ctx, NULL, d, 1);
			j++;
			continue;
		}
		while (order == 0 && j + n < scan->ndiags &&
		       strcmp(scan->diags[j + n].path ? scan->diags[j + n].path : "",
		              m->path ? m->path : "") == 0)
			n++;
		visit(ctx, m, n ? d : NULL, n);
		i++;
		j += n;
	}
}

static void count_one(void *ctx, const scout_module *m, const scout_diagnostic *d, size_t nd)
{
	counts *c = ctx;

	c->tests++;
	if (m) {
		c->failures += has_blocker(m);
		c->skipped += m->verdict == SCOUT_UNKNOWN;
	} else if (diag_is_skip(d))
		c->skipped++;
	else
		c->errors++;
}

/* ` key="value"` with value XML-escaped. */
static void put_attr(scout_buf *b, const char *key, const char *value)
{
	scout_buf_printf(b, " %s=\"", key);
	scout_escape_xml(b, value);
	scout_buf_putc(b, '"');
}

static void put_counts(scout_buf *b, const counts *c)
{
	scout_buf_printf(b, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\"",
	                 c->tests, c->failures, c->errors, c->skipped);
}

/* "<path>:<line>:<col>: <category> <rule> <message>", then "\n    if compiled
 * with <paths>" and "\n    fix: <fix>", as the text report writes a finding. */
static void put_finding_text(scout_buf *b, const scout_module *m, const scout_finding *f)
{
	scout_escape_xml(b, m->path);
	scout_buf_printf(b, ":%u:%u: %s ", (unsigned)f->line, (unsigned)f->column,
	                 scout_category_name(f->category));
	scout_escape_xml(b, f->rule);
	scout_buf_putc(b, ' ');
	scout_escape_xml(b, f->message);
	if (f->nassumes) {
		scout_buf_puts(b, "\n    ");
		scout_report_assumes(b, f, scout_escape_xml);
	}
	if (f->fix && *f->fix) {
		scout_buf_puts(b, "\n    fix: ");
		scout_escape_xml(b, f->fix);
	}
}

static void put_failure(scout_buf *b, const scout_module *m, const scout_finding *f)
{
	scout_buf message = {0};

	scout_buf_puts(&message, f->rule ? f->rule : "");
	scout_buf_puts(&message, ": ");
	scout_buf_puts(&message, f->message ? f->message : "");
	scout_buf_puts(b, "      <failure");
	put_attr(b, "type", f->rule);
	put_attr(b, "message", message.data);
	scout_buf_putc(b, '>');
	put_finding_text(b, m, f);
	scout_buf_puts(b, "</failure>\n");
	scout_buf_free(&message);
}

static void put_diag_text(scout_buf *b, const scout_diagnostic *d)
{
	scout_escape_xml(b, d->path);
	if (d->line)
		scout_buf_printf(b, ":%u", (unsigned)d->line);
	scout_buf_printf(b, ": %s: ", scout_diag_kind_name(d->kind));
	scout_escape_xml(b, d->message);
}

/* <skipped> for a module of verdict unknown, with its grammar-gap message. */
static void put_unknown(scout_buf *b, const scout_module *m, const scout_diagnostic *d, size_t nd)
{
	scout_buf message = {0};
	const char *gap = NULL;

	for (size_t i = 0; i < nd && !gap; i++)
		if (d[i].kind == SCOUT_DIAG_GRAMMAR_GAP)
			gap = d[i].message;
	if (gap)
		scout_buf_printf(&message, "unknown: %s", gap);
	else
		scout_buf_printf(&message, "unknown: the grammar cannot parse line %u",
		                 (unsigned)m->grammar_gap_line);
	scout_buf_puts(b, "      <skipped");
	put_attr(b, "message", message.data);
	scout_buf_puts(b, "/>\n");
	scout_buf_free(&message);
}

static void module_case(scout_buf *b, const scout_module *m, const scout_diagnostic *d, size_t nd)
{
	bool other = false;

	scout_buf_puts(b, "    <testcase");
	put_attr(b, "classname", m->module);
	put_attr(b, "name", m->path);
	if (m->nfindings == 0 && nd == 0) {
		scout_buf_puts(b, "/>\n");
		return;
	}
	scout_buf_puts(b, ">\n");
	for (size_t i = 0; i < m->nfindings; i++) {
		if (scout_report_blocks(&m->findings[i]))
			put_failure(b, m, &m->findings[i]);
		else
			other = true;
	}
	if (m->verdict == SCOUT_UNKNOWN)
		put_unknown(b, m, d, nd);
	if (other) {
		scout_buf_puts(b, "      <system-out>");
		for (size_t i = 0; i < m->nfindings; i++) {
			if (scout_report_blocks(&m->findings[i]))
				continue;
			put_finding_text(b, m, &m->findings[i]);
			scout_buf_putc(b, '\n');
		}
		scout_buf_puts(b, "</system-out>\n");
	}
	if (nd) {
		scout_buf_puts(b, "      <system-err>");
		for (size_t i = 0; i < nd; i++) {
			put_diag_text(b, &d[i]);
			scout_buf_putc(b, '\n');
		}
		scout_buf_puts(b, "</system-err>\n");
	}
	scout_buf_puts(b, "    </testcase>\n");
}

static void diag_case(scout_buf *b, const scout_diagnostic *d)
{
	const char *kind = scout_diag_kind_name(d->kind);
	scout_buf message = {0};

	scout_buf_printf(&message, "%s: %s", kind, d->message ? d->message : "");
	scout_buf_puts(b, "    <testcase classname=\"mypyc-scout\"");
	put_attr(b, "name", d->path);
	scout_buf_puts(b, ">\n      ");
	if (diag_is_skip(d)) {
		scout_buf_puts(b, "<skipped");
		put_attr(b, "message", message.data);
		scout_buf_puts(b, "/>\n");
	} else {
		scout_buf_puts(b, "<error");
		put_attr(b, "type", kind);
		put_attr(b, "message", message.data);
		scout_buf_putc(b, '>');
		put_diag_text(b, d);
		scout_buf_puts(b, "</error>\n");
	}
	scout_buf_puts(b, "    </testcase>\n");
	scout_buf_free(&message);
}

static void write_one(void *ctx, const scout_module *m, const scout_diagnostic *d, size_t nd)
{
	if (m)
		module_case(ctx, m, d, nd);
	else
		diag_case(ctx, d);
}

static int junit_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	scout_buf b = {0};
	counts c = {0};

	walk(scan, count_one, &c);
	scout_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
	put_attr(&b, "name", "mypyc-scout");
	put_counts(&b, &c);
	scout_buf_puts(&b, ">\n  <testsuite");
	put_attr(&b, "name", "mypyc-scout");
	put_counts(&b, &c);
	scout_buf_puts(&b, ">\n");
	walk(scan, write_one, &b);
	scout_buf_puts(&b, "  </testsuite>\n</testsuites>\n");
	return scout_output_write(out, &b, "the JUnit report");
}

const scout_reporter scout_reporter_junit = {
    .name = "junit",
    .write = junit_write,
};
