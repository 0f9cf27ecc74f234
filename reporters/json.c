/* --format json: the report of docs/report-schema.md, schema version 1.
 *
 * Built as a cJSON tree in schema order, then printed once. Every string that
 * came from the scanned repository passes scout_escape_utf8 first, so the
 * document is valid UTF-8 whatever the file names hold; cJSON then escapes
 * quotes, backslashes and controls. Ratios are rounded to 4 decimals before
 * they are added (cJSON prints doubles with %1.15g). */
#include "reporter.h"
#include "escape.h"
#include "scout/walk.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA_VERSION 1

/* ---- building blocks --------------------------------------------------- */

/* Adds item to obj under key (to the array obj when key is NULL). Takes item
 * in every case: cJSON only takes it on success, so it is deleted on failure.
 * Returns false when item is NULL or could not be added. Keys are static
 * strings (literals, names from static tables): cJSON keeps them uncopied. */
static bool put(cJSON *obj, const char *key, cJSON *item)
{
	bool ok;

	if (!item)
		return false;
	ok = key ? cJSON_AddItemToObjectCS(obj, key, item) : cJSON_AddItemToArray(obj, item);
	if (!ok)
		cJSON_Delete(item);
	return ok;
}

/* A JSON string of s made valid UTF-8 (NULL is ""). Owned by caller. */
static cJSON *text(const char *s)
{
	char *valid;
	cJSON *item;

	if (scout_utf8_is_valid(s))
		return cJSON_CreateString(s ? s : "");
	valid = scout_escape_utf8_dup(s);
	item = cJSON_CreateString(valid);
	free(valid);
	return item;
}

/* Like text, but not copied when already valid UTF-8: for the scan's own
 * strings, which outlive the document. */
static cJSON *scan_text(const char *s)
{
	return s && scout_utf8_is_valid(s) ? cJSON_CreateStringReference(s) : text(s);
}

/* cJSON prints a number equal to its int value with "%d" and others with
 * "%1.15g" (or "%1.17g"). The integers, most of the report's numbers, are
 * written here to the same bytes without printf and added raw. */
static cJSON *number(double value)
{
	char digits[16], *p = digits + sizeof(digits);
	long long v;

	if (!(value >= INT_MIN && value <= INT_MAX) || value != (double)(int)value)
		return cJSON_CreateNumber(value);
	v = (int)value;
	*--p = '\0';
	for (long long u = v < 0 ? -v : v; p == digits + sizeof(digits) - 1 || u; u /= 10)
		*--p = (char)('0' + u % 10);
	if (v < 0)
		*--p = '-';
	return cJSON_CreateRaw(p);
}

static double round4(double value)
{
	return round(value * 10000.0) / 10000.0;
}

/* A line number, or null for 0 ("not about a line"). */
static cJSON *line_or_null(uint32_t line)
{
	return line ? number(line) : cJSON_CreateNull();
}

/* Returns obj when ok, else deletes it and returns NULL. */
static cJSON *finish(cJSON *obj, bool ok)
{
	if (ok)
		return obj;
	cJSON_Delete(obj);
	return NULL;
}

/* ---- summary ----------------------------------------------------------- */

static cJSON *verdicts_json(const scout_summary *sum)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	for (int v = 0; ok && v < SCOUT_VERDICT_COUNT; v++)
		ok = put(o, scout_verdict_name(v), number((double)sum->verdicts[v]));
	return finish(o, ok);
}

static cJSON *categories_json(const scout_summary *sum)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	for (int c = 0; ok && c < SCOUT_CATEGORY_COUNT; c++)
		ok = put(o, scout_category_name(c), number((double)sum->findings[c]));
	return finish(o, ok);
}

static cJSON *summary_json(const scout_scan *scan)
{
	scout_summary sum;
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	scout_scan_summarise(scan, &sum);
	ok = ok && put(o, "modules", number((double)sum.modules));
	ok = ok && put(o, "lines", number((double)sum.lines));
	ok = ok && put(o, "verdicts", verdicts_json(&sum));
	ok = ok && put(o, "findings", categories_json(&sum));
	ok = ok && put(o, "annotation_coverage", number(scout_annotations_coverage(&sum.ann)));
	return finish(o, ok);
}

/* ---- modules ----------------------------------------------------------- */

static cJSON *annotations_json(const scout_annotations *a)
{
	uint32_t untyped = a->defs > a->typed_defs ? a->defs - a->typed_defs : 0;
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "defs", number(a->defs));
	ok = ok && put(o, "typed_defs", number(a->typed_defs));
	ok = ok && put(o, "fully_typed_defs", number(a->fully_typed_defs));
	ok = ok && put(o, "untyped_defs", number(untyped));
	ok = ok && put(o, "slots", number(a->slots));
	ok = ok && put(o, "annotated_slots", number(a->annotated_slots));
	ok = ok && put(o, "coverage", number(scout_annotations_coverage(a)));
	ok = ok && put(o, "any", number(a->any));
	ok = ok && put(o, "type_ignores", number(a->type_ignores));
	return finish(o, ok);
}

static cJSON *finding_json(const scout_finding *f)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "rule", scan_text(f->rule));
	ok = ok && put(o, "category", scan_text(scout_category_name(f->category)));
	ok = ok && put(o, "line", number(f->line));
	ok = ok && put(o, "column", number(f->column));
	ok = ok && put(o, "end_line", number(f->end_line));
	ok = ok && put(o, "end_column", number(f->end_column));
	ok = ok && put(o, "message", scan_text(f->message));
	ok = ok && put(o, "fix", scan_text(f->fix));
	ok = ok && put(o, "fingerprint", scan_text(f->fingerprint));
	return finish(o, ok);
}

static cJSON *findings_json(const scout_module *m)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < m->nfindings; i++)
		ok = put(a, NULL, finding_json(&m->findings[i]));
	return finish(a, ok);
}

static cJSON *module_json(const scout_module *m)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "path", scan_text(m->path));
	ok = ok && put(o, "module", scan_text(m->module));
	ok = ok && put(o, "lines", number(m->lines));
	ok = ok && put(o, "verdict", scan_text(scout_verdict_name(m->verdict)));
	ok = ok && put(o, "score", number(m->score));
	ok = ok && put(o, "annotations", annotations_json(&m->ann));
	ok = ok &&
	     put(o, "hotness", m->has_hotness ? number(round4(m->hotness)) : cJSON_CreateNull());
	ok = ok && put(o, "findings", findings_json(m));
	return finish(o, ok);
}

static cJSON *modules_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->nmodules; i++)
		ok = put(a, NULL, module_json(&scan->modules[i]));
	return finish(a, ok);
}

/* ---- plan -------------------------------------------------------------- */

static int compare_strings(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* The sorted, unique rule ids of m's blocker findings, as a JSON array. */
static cJSON *blocker_rules_json(const scout_module *m)
{
	const char **ids = scout_calloc(m->nfindings, sizeof(*ids));
	size_t n = 0;
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; i < m->nfindings; i++)
		if (m->findings[i].category == SCOUT_BLOCKER)
			ids[n++] = m->findings[i].rule;
	qsort(ids, n, sizeof(*ids), compare_strings);
	for (size_t i = 0; ok && i < n; i++)
		if (i == 0 || strcmp(ids[i], ids[i - 1]) != 0)
			ok = put(a, NULL, text(ids[i]));
	free(ids);
	return finish(a, ok);
}

static cJSON *blocked_entry_json(const scout_module *m)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "module", text(m->module));
	ok = ok && put(o, "path", text(m->path));
	ok = ok && put(o, "rules", blocker_rules_json(m));
	return finish(o, ok);
}

static cJSON *blocked_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	if (scan->plan.built) { /* hot first, test code left out */
		for (size_t i = 0; ok && i < scan->plan.nblocked; i++)
			ok =
			    put(a, NULL, blocked_entry_json(&scan->modules[scan->plan.blocked[i]]));
		return finish(a, ok);
	}
	for (size_t i = 0; ok && i < scan->nmodules; i++)
		if (scan->modules[i].verdict == SCOUT_BLOCKED)
			ok = put(a, NULL, blocked_entry_json(&scan->modules[i]));
	return finish(a, ok);
}

static cJSON *compile_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->plan.ncompile; i++) {
		const scout_plan_item *it = &scan->plan.compile[i];
		const scout_module *m = &scan->modules[it->module];
		cJSON *o = cJSON_CreateObject();
		bool item_ok = o != NULL;

		item_ok = item_ok && put(o, "module", text(m->module));
		item_ok = item_ok && put(o, "path", text(m->path));
		item_ok = item_ok && put(o, "group", number(it->group));
		item_ok = item_ok && put(o, "expected_gain", number(round4(it->expected_gain)));
		item_ok = item_ok && put(o, "phase", number(it->first_phase ? 1 : 2));
		ok = put(a, NULL, finish(o, item_ok));
	}
	return finish(a, ok);
}

/* The paste-ready list: the first phase's paths. */
static cJSON *mypycify_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->plan.ncompile; i++)
		if (scan->plan.compile[i].first_phase)
			ok = put(a, NULL, text(scan->modules[scan->plan.compile[i].module].path));
	return finish(a, ok);
}

static bool has_category(const scout_module *m, scout_category a, scout_category b)
{
	for (size_t i = 0; i < m->nfindings; i++)
		if (m->findings[i].category == a || m->findings[i].category == b)
			return true;
	return false;
}

static bool in_first_phase(const scout_scan *scan, size_t module)
{
	for (size_t i = 0; i < scan->plan.ncompile; i++)
		if (scan->plan.compile[i].module == module)
			return scan->plan.compile[i].first_phase;
	return false;
}

/* The project's current compile set against the plan: what it compiles
 * that is blocked or risky, and hot ready modules it leaves out. */
static cJSON *current_json(const scout_scan *scan)
{
	cJSON *o = cJSON_CreateObject(), *lists[4];
	static const char *const keys[4] = {"modules", "blocked", "risky", "hot_not_compiled"};
	bool ok = o != NULL;

	for (int k = 0; k < 4; k++)
		lists[k] = cJSON_CreateArray();
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];
		bool now = m->compiled_now;
		bool member[4] = {now, now && m->verdict == SCOUT_BLOCKED,
		                  now && m->verdict != SCOUT_BLOCKED &&
		                      has_category(m, SCOUT_NON_NATIVE, SCOUT_BEHAVIOUR),
		                  !now && in_first_phase(scan, i)};

		for (int k = 0; k < 4; k++)
			if (member[k] && lists[k])
				ok = ok && put(lists[k], NULL, text(m->path));
	}
	ok = ok && put(o, "source", text(scan->compile_source));
	for (int k = 0; k < 4; k++)
		ok = put(o, keys[k], lists[k]) && ok;
	return finish(o, ok);
}

static cJSON *plan_json(const scout_scan *scan)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "compile", compile_json(scan));
	ok = ok && put(o, "blocked", blocked_json(scan));
	ok = ok && put(o, "mypycify", mypycify_json(scan));
	ok = ok && put(o, "covered", number(round4(scan->plan.covered)));
	if (scan->compile_source)
		ok = ok && put(o, "current", current_json(scan));
	return finish(o, ok);
}

/* ---- diagnostics and the document --------------------------------------- */

static cJSON *diagnostic_json(const scout_diagnostic *d)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "path", text(d->path));
	ok = ok && put(o, "kind", text(scout_diag_kind_name(d->kind)));
	ok = ok && put(o, "line", line_or_null(d->line));
	ok = ok && put(o, "message", text(d->message));
	return finish(o, ok);
}

static cJSON *advisories_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->nadvisories; i++) {
		const scout_advisory *adv = &scan->advisories[i];
		cJSON *o = cJSON_CreateObject();
		bool item_ok = o != NULL;

		item_ok = item_ok && put(o, "rule", text(adv->rule));
		item_ok = item_ok && put(o, "category", text(scout_category_name(adv->category)));
		item_ok = item_ok && put(o, "message", text(adv->title));
		ok = put(a, NULL, finish(o, item_ok));
	}
	return finish(a, ok);
}

static cJSON *diagnostics_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->ndiags; i++)
		ok = put(a, NULL, diagnostic_json(&scan->diags[i]));
	return finish(a, ok);
}

static cJSON *tool_json(void)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "name", text("mypyc-scout"));
	ok = ok && put(o, "version", text(SCOUT_VERSION));
	return finish(o, ok);
}

/* The mypyc version the rules were evaluated for, and why that one. */
static cJSON *mypyc_json(const scout_scan *scan)
{
	cJSON *o = cJSON_CreateObject();
	uint32_t v = scan->mypyc_version;
	char version[32];
	bool ok = o != NULL;

	scout_version_format(v, version, sizeof(version));
	ok = ok && put(o, "version", text(version));
	ok = ok && put(o, "source", text(scan->mypyc_version_source));
	return finish(o, ok);
}

static cJSON *report_json(const scout_scan *scan)
{
	const char *hotness = scan->hotness_source ? scan->hotness_source : "static";
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "schema_version", number(SCHEMA_VERSION));
	ok = ok && put(o, "tool", tool_json());
	ok = ok && put(o, "root", text(scan->root));
	ok = ok && put(o, "source", text(scan->source));
	ok = ok && put(o, "hotness_source", text(hotness));
	if (scout_str_startswith(hotness, "profile:"))
		ok = ok && put(o, "profile_outside", number(round4(scan->profile_outside)));
	if (scan->mypyc_version)
		ok = ok && put(o, "mypyc", mypyc_json(scan));
	ok = ok && put(o, "summary", summary_json(scan));
	ok = ok && put(o, "modules", modules_json(scan));
	ok = ok && put(o, "plan", plan_json(scan));
	ok = ok && put(o, "diagnostics", diagnostics_json(scan));
	ok = ok && put(o, "advisories", advisories_json(scan));
	return finish(o, ok);
}

static int json_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	cJSON *doc = report_json(scan);
	char *printed = NULL;
	int error = SCOUT_EIO;

	if (!doc || !(printed = cJSON_Print(doc))) {
		scout_error_set("out of memory while building the JSON report");
		goto cleanup;
	}
	if (fputs(printed, out) == EOF || fputc('\n', out) == EOF || fflush(out) == EOF) {
		scout_error_set("could not write the JSON report");
		goto cleanup;
	}
	error = SCOUT_OK;
cleanup:
	cJSON_free(printed);
	cJSON_Delete(doc);
	return error;
}

const scout_reporter scout_reporter_json = {
    .name = "json",
    .write = json_write,
};
