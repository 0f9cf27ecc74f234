/* The table of output formats: every format, the command whose --format
 * chooses it, and its vtable. Adding a format is one row here plus its file.
 *
 * Two outputs are not chosen by --format and so are not rows: `scan
 * --summary FILE`, the Markdown job summary (summary.c), and `rules [ID]
 * --format text|json|markdown`, the rule documentation (rules_doc.c). */
#include "reporter.h"

#include <pthread.h>
#include <string.h>

/* One format per line (a command's formats in the order of --help), outside
 * clang-format. */
// clang-format off
static const scout_report_format formats[] = {
    /* command           vtable                      alias */
    {SCOUT_REPORT_SCAN,  &scout_reporter_text,       NULL}, /* text.c, text_plan.c */
    {SCOUT_REPORT_SCAN,  &scout_reporter_json,       NULL}, /* json.c */
    {SCOUT_REPORT_SCAN,  &scout_reporter_jsonlines,  NULL}, /* jsonlines.c */
    {SCOUT_REPORT_SCAN,  &scout_reporter_sarif,      NULL}, /* sarif.c */
    {SCOUT_REPORT_SCAN,  &scout_reporter_github,     NULL}, /* github.c */
    {SCOUT_REPORT_SCAN,  &scout_reporter_gitlab,     NULL}, /* gitlab.c */
    {SCOUT_REPORT_SCAN,  &scout_reporter_junit,      NULL}, /* junit.c */
    {SCOUT_REPORT_AUDIT, &scout_reporter_html,       NULL}, /* audit/html*.c, audit/svg.c */
    {SCOUT_REPORT_AUDIT, &scout_reporter_markdown,   "md"}, /* audit/markdown*.c */
};
// clang-format on

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

static char names[SCOUT_REPORT_COMMAND_COUNT][256];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

const scout_report_format *scout_reporters_formats(size_t *count)
{
	*count = NFORMATS;
	return formats;
}

static bool is_named(const scout_report_format *f, const char *name)
{
	return strcmp(f->reporter->name, name) == 0 || (f->alias && strcmp(f->alias, name) == 0);
}

const scout_reporter *scout_reporter_find_for(scout_report_command command, const char *name)
{
	for (size_t i = 0; name && i < NFORMATS; i++)
		if (formats[i].command == command && is_named(&formats[i], name))
			return formats[i].reporter;
	return NULL;
}

const scout_reporter *scout_reporter_find(const char *name)
{
	return scout_reporter_find_for(SCOUT_REPORT_SCAN, name);
}

/* Joins each command's format names with ", " into names[command]
 * (truncated if ever too long). */
static void build_names(void)
{
	size_t len[SCOUT_REPORT_COMMAND_COUNT] = {0};

	for (size_t i = 0; i < NFORMATS; i++) {
		scout_report_command c = formats[i].command;
		size_t room = sizeof(names[c]) - len[c];
		int n = snprintf(names[c] + len[c], room, "%s%s", len[c] ? ", " : "",
		                 formats[i].reporter->name);

		if (n > 0)
			len[c] += (size_t)n < room ? (size_t)n : room - 1;
	}
}

const char *scout_reporter_names_for(scout_report_command command)
{
	pthread_once(&names_once, build_names);
	return command < SCOUT_REPORT_COMMAND_COUNT ? names[command] : "";
}

const char *scout_reporter_names(void)
{
	return scout_reporter_names_for(SCOUT_REPORT_SCAN);
}
