/* `verify --format github`: what mypyc really refused, as GitHub Actions
 * workflow commands on the lines it named: `::error` for each module that
 * failed (a missed blocker says so in its title), `::warning` for a false
 * blocker, and a closing `::notice` with the verified set and the
 * agreement. */
#include "verify_report.h"

#include "escape.h"

static void property(scout_buf *b, bool *first, const char *name, const char *value)
{
	scout_buf_printf(b, "%c%s=", *first ? ' ' : ',', name);
	scout_escape_github_property(b, value);
	*first = false;
}

static void write_failed(scout_buf *b, const scout_scan *scan, const scout_verification *v,
                         const scout_verify_module *m)
{
	const scout_verify_error *e = &v->rounds[m->err_round].errors[m->err_index];
	scout_buf title = {0};
	bool first = true;

	scout_buf_printf(&title, "mypyc %s: %s %s error", v->version,
	                 m->outcome == SCOUT_VOUT_MISSED ? "missed blocker," : "",
	                 scout_verify_kind_name(e->kind));
	scout_buf_puts(b, "::error");
	property(b, &first, "title", title.data);
	property(b, &first, "file", scan->modules[m->module].path);
	if (e->line)
		scout_buf_printf(b, ",line=%u", e->line);
	scout_buf_puts(b, "::");
	scout_escape_github_data(b, e->message);
	if (m->rule) {
		scout_escape_github_data(b, "\nrule ");
		scout_escape_github_data(b, m->rule);
		scout_escape_github_data(b, " should have caught it");
	}
	scout_buf_putc(b, '\n');
	scout_buf_free(&title);
}

static void write_false(scout_buf *b, const scout_scan *scan, const scout_verify_module *m)
{
	bool first = true;

	scout_buf_puts(b, "::warning");
	property(b, &first, "title", "mypyc-scout: false blocker");
	property(b, &first, "file", scan->modules[m->module].path);
	scout_buf_puts(b, "::predicted blocked, but mypyc compiled it\n");
}

static void write_notice(scout_buf *b, const scout_verification *v)
{
	scout_buf text = {0};

	scout_buf_printf(&text, "%s: %zu of %zu modules compile with mypyc %s",
	                 scout_verify_status_name(v->status), v->nverified, v->nmodules,
	                 v->version);
	if (v->agreement >= 0)
		scout_buf_printf(&text, "; agreement %.1f%%", 100.0 * v->agreement);
	if (v->stop_reason)
		scout_buf_printf(&text, "; %s", v->stop_reason);
	scout_buf_puts(b, "::notice title=mypyc-scout verify::");
	scout_escape_github_data(b, text.data);
	scout_buf_putc(b, '\n');
	scout_buf_free(&text);
}

int scout_verify_github_write(FILE *out, const scout_scan *scan, const scout_verification *v)
{
	scout_buf b = {0};
	int error = 0;

	for (size_t i = 0; i < v->nmodules; i++) {
		const scout_verify_module *m = &v->modules[i];

		if (m->err_round != SIZE_MAX)
			write_failed(&b, scan, v, m);
		else if (m->outcome == SCOUT_VOUT_FALSE)
			write_false(&b, scan, m);
	}
	write_notice(&b, v);
	if (fwrite(b.data, 1, b.len, out) != b.len)
		error = SCOUT_EIO;
	scout_buf_free(&b);
	return error;
}
