/* What several unit tests need beside the assertions of check.h: shell
 * commands and scratch directories, whole files, counting substrings, a
 * module to report on, a report rendered into a string, and reading the JSON
 * ones. Header-only, like check.h: the helpers that assert count in the
 * including test's tally. */
#ifndef SCOUT_TEST_UTIL_H
#define SCOUT_TEST_UTIL_H

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"
#include "reporter.h"
#include "scout/audit.h"
#include "scout/fs.h"

/* Runs a shell command built printf-style; returns its exit status, or -1
 * when it did not exit or did not fit. */
static inline int util_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline int util_sh(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(cmd))
		return -1;
	rc = system(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* Makes a new directory /tmp/scout-NAME-XXXXXX, its path into dir; false
 * (with a message) when it cannot. */
static inline bool util_tmpdir(char *dir, size_t cap, const char *name)
{
	if ((size_t)snprintf(dir, cap, "/tmp/scout-%s-XXXXXX", name) < cap && mkdtemp(dir))
		return true;
	perror("mkdtemp");
	return false;
}

/* Removes dir and everything below it, whatever a test left unreadable. */
static inline void util_rmtree(const char *dir)
{
	util_sh("chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
}

/* The whole regular file at path (NUL-terminated; owned by caller, free with
 * free()) and its length, or NULL. */
static inline char *util_slurp(const char *path, size_t *len)
{
	char *data;

	return scout_fs_read(&data, len, path, (size_t)256 << 20, 0, NULL) == 0 ? data : NULL;
}

/* How many times needle starts in hay (overlapping ones too). */
static inline size_t util_count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Appends a module at `path` to s, with hotness and verdict as given and the
 * rest fixed: 100 lines, half its defs typed, 9 of 20 slots annotated. */
static inline void util_add_module(scout_scan *s, const char *path, double hotness, scout_verdict v)
{
	scout_module m = {0};

	m.path = scout_strdup(path);
	m.module = scout_strdup(path);
	m.lines = 100;
	m.ann = (scout_annotations){.defs = 10, .typed_defs = 5, .slots = 20, .annotated_slots = 9};
	m.hotness = hotness;
	m.has_hotness = true;
	m.score = 50;
	m.verdict = v;
	m.shipped = !scout_module_is_test(&m);
	SCOUT_PUSH(s->modules, s->nmodules, s->modules_cap, m);
}

/* The report of `format` for scan with opts, checked to be written (owned by
 * caller, free with free(); "" when it was not). */
static inline char *util_render_with(const char *format, const scout_scan *scan,
                                     const scout_report_opts *opts)
{
	const scout_reporter *r = scout_reporter_find(format);
	char *data = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&data, &size);

	CHECK(r != NULL && out != NULL);
	if (r && out)
		CHECK_INT(r->write(out, scan, opts), 0);
	if (out)
		fclose(out);
	return data ? data : scout_strdup("");
}

/* util_render_with, in colour or not; the text report with every part
 * (--show-all --show-fixes --show-modules), so tests see all it can write. */
static inline char *util_render(const char *format, const scout_scan *scan, bool color)
{
	scout_report_opts opts = {
	    .color = color,
	    .text = {.show_all = true, .show_fixes = true, .show_modules = true},
	};

	return util_render_with(format, scan, &opts);
}

/* The audit document `write` (scout_audit_write_html or _markdown) makes of
 * (scan, a), checked to be written (owned by caller, free with free()). */
static inline char *util_audit_doc(int (*write)(FILE *, const scout_scan *, const scout_audit *),
                                   const scout_scan *scan, const scout_audit *a)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);

	CHECK_INT(write(f, scan, a), 0);
	fclose(f);
	return data;
}

/* A JSON object's member, string member, and number member (-1 when it is
 * not a number); borrowed from obj. */
static inline const cJSON *json_get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static inline const char *json_str(const cJSON *obj, const char *key)
{
	return cJSON_GetStringValue(json_get(obj, key));
}

static inline double json_num(const cJSON *obj, const char *key)
{
	const cJSON *item = json_get(obj, key);

	return cJSON_IsNumber(item) ? item->valuedouble : -1.0;
}

#endif
