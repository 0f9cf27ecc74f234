/* --format json: the report of docs/report-schema.md, schema version 2.
 *
 * Built as a cJSON tree in schema order, then printed once. Every string that
 * came from the scanned repository passes scout_escape_utf8 first, so the
 * document is valid UTF-8 whatever the file names hold; cJSON then escapes
 * quotes, backslashes and controls. Ratios are rounded to 4 decimals before
 * they are added (cJSON prints doubles with %1.15g). */
#include "json.h"
#include "json_compile_set.h"
#include "reporter.h"
#include "verify_report.h"
#include "scout/walk.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA_VERSION 2

/* ---- building blocks --------------------------------------------------- */

static double round4(double value)
{
	return round(value * 10000.0) / 10000.0;
}

/* A line number, or null for 0 ("not about a line"). */
static cJSON *line_or_null(uint32_t line)
{
	return line ? scout_cjson_number(line) : cJSON_CreateNull();
}

/* ---- summary ----------------------------------------------------------- */

static cJSON *verdicts_json(const scout_summary *sum)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	for (int v = 0; ok && v < SCOUT_VERDICT_COUNT; v++)
		ok = scout_cjson_put(o, scout_verdict_name(v),
		                     scout_cjson_number((double)sum->verdicts[v]));
	return scout_cjson_finish(o, ok);
}

static cJSON *categories_json(const scout_summary *sum)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	for (int c = 0; ok && c < SCOUT_CATEGORY_COUNT; c++)
		ok = scout_cjson_put(o, scout_category_name(c),
		                     scout_cjson_number((double)sum->findings[c]));
	return scout_cjson_finish(o, ok);
}

static cJSON *summary_json(const scout_scan *scan)
{
	scout_summary sum;
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	scout_scan_summarise(scan, &sum);
	ok = ok && scout_cjson_put(o, "modules", scout_cjson_number((double)sum.modules));
	ok = ok && scout_cjson_put(o, "lines", scout_cjson_number((double)sum.lines));
	ok = ok && scout_cjson_put(o, "verdicts", verdicts_json(&sum));
	ok = ok && scout_cjson_put(o, "findings", categories_json(&sum));
	ok = ok && scout_cjson_put(o, "annotation_coverage",
	                           scout_cjson_number(scout_annotations_coverage(&sum.ann)));
	return scout_cjson_finish(o, ok);
}

/* ---- modules ----------------------------------------------------------- */

static cJSON *annotations_json(const scout_annotations *a)
{
	uint32_t untyped = a->defs > a->typed_defs ? a->defs - a->typed_defs : 0;
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "defs", scout_cjson_number(a->defs));
	ok = ok && scout_cjson_put(o, "typed_defs", scout_cjson_number(a->typed_defs));
	ok = ok && scout_cjson_put(o, "fully_typed_defs", scout_cjson_number(a->fully_typed_defs));
	ok = ok && scout_cjson_put(o, "untyped_defs", scout_cjson_number(untyped));
	ok = ok && scout_cjson_put(o, "slots", scout_cjson_number(a->slots));
	ok = ok && scout_cjson_put(o, "annotated_slots", scout_cjson_number(a->annotated_slots));
	ok =
	    ok && scout_cjson_put(o, "coverage", scout_cjson_number(scout_annotations_coverage(a)));
	ok = ok && scout_cjson_put(o, "any", scout_cjson_number(a->any));
	ok = ok && scout_cjson_put(o, "type_ignores", scout_cjson_number(a->type_ignores));
	return scout_cjson_finish(o, ok);
}

/* The modules f assumes compiled too, as a JSON array of paths. */
static cJSON *assumes_json(const scout_finding *f)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (uint32_t i = 0; ok && i < f->nassumes; i++)
		ok = scout_cjson_put(a, NULL, scout_cjson_text_ref(f->assumes[i]));
	return scout_cjson_finish(a, ok);
}

bool scout_json_put_finding(cJSON *o, const scout_finding *f)
{
	bool ok = true;

	ok = ok && scout_cjson_put(o, "rule", scout_cjson_text_ref(f->rule));
	ok = ok &&
	     scout_cjson_put(o, "category", scout_cjson_text_ref(scout_category_name(f->category)));
	ok = ok && scout_cjson_put(o, "line", scout_cjson_number(f->line));
	ok = ok && scout_cjson_put(o, "column", scout_cjson_number(f->column));
	ok = ok && scout_cjson_put(o, "end_line", scout_cjson_number(f->end_line));
	ok = ok && scout_cjson_put(o, "end_column", scout_cjson_number(f->end_column));
	ok = ok && scout_cjson_put(o, "message", scout_cjson_text_ref(f->message));
	ok = ok && scout_cjson_put(o, "fix", scout_cjson_text_ref(f->fix));
	ok = ok && scout_cjson_put(o, "fingerprint", scout_cjson_text_ref(f->fingerprint));
	if (f->nassumes) {
		ok = ok && scout_cjson_put(o, "assumes", assumes_json(f));
		ok = ok && scout_cjson_put(o, "holds", cJSON_CreateBool(scout_finding_holds(f)));
	}
	return ok;
}

static cJSON *finding_json(const scout_finding *f)
{
	cJSON *o = cJSON_CreateObject();

	return scout_cjson_finish(o, o && scout_json_put_finding(o, f));
}

static cJSON *findings_json(const scout_module *m)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < m->nfindings; i++)
		ok = scout_cjson_put(a, NULL, finding_json(&m->findings[i]));
	return scout_cjson_finish(a, ok);
}

static cJSON *module_json(const scout_scan *scan, size_t i)
{
	const scout_module *m = &scan->modules[i];
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "path", scout_cjson_text_ref(m->path));
	ok = ok && scout_cjson_put(o, "module", scout_cjson_text_ref(m->module));
	ok = ok && scout_cjson_put(o, "lines", scout_cjson_number(m->lines));
	ok = ok &&
	     scout_cjson_put(o, "verdict", scout_cjson_text_ref(scout_verdict_name(m->verdict)));
	ok = ok && scout_cjson_put(o, "score", scout_cjson_number(m->score));
	ok = ok && scout_cjson_put(o, "annotations", annotations_json(&m->ann));
	ok = ok && scout_cjson_put(o, "hotness",
	                           m->has_hotness ? scout_cjson_number(round4(m->hotness))
	                                          : cJSON_CreateNull());
	if (scan->plan.built && scan->plan.places)
		ok = ok && scout_cjson_put(o, "plan", scout_json_place(scan, i));
	ok = ok && scout_cjson_put(o, "shipped", cJSON_CreateBool(m->shipped));
	ok = ok && scout_cjson_put(o, "findings", findings_json(m));
	return scout_cjson_finish(o, ok);
}

static cJSON *modules_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->nmodules; i++)
		ok = scout_cjson_put(a, NULL, module_json(scan, i));
	return scout_cjson_finish(a, ok);
}

/* ---- plan -------------------------------------------------------------- */

static int compare_strings(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* The sorted, unique rule ids of m's blocker findings that hold, as a JSON
 * array. */
static cJSON *blocker_rules_json(const scout_module *m)
{
	const char **ids = scout_calloc(m->nfindings, sizeof(*ids));
	size_t n = 0;
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; i < m->nfindings; i++)
		if (m->findings[i].category == SCOUT_BLOCKER &&
		    scout_finding_holds(&m->findings[i]))
			ids[n++] = m->findings[i].rule;
	qsort(ids, n, sizeof(*ids), compare_strings);
	for (size_t i = 0; ok && i < n; i++)
		if (i == 0 || strcmp(ids[i], ids[i - 1]) != 0)
			ok = scout_cjson_put(a, NULL, scout_cjson_text(ids[i]));
	free(ids);
	return scout_cjson_finish(a, ok);
}

static cJSON *blocked_entry_json(const scout_scan *scan, size_t i)
{
	const scout_module *m = &scan->modules[i];
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "module", scout_cjson_text(m->module));
	ok = ok && scout_cjson_put(o, "path", scout_cjson_text(m->path));
	ok = ok && scout_cjson_put(o, "rules", blocker_rules_json(m));
	if (scan->plan.built && scan->plan.places)
		ok = ok && scout_cjson_put(o, "plan", scout_json_place(scan, i));
	return scout_cjson_finish(o, ok);
}

static cJSON *blocked_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	if (scan->plan.built) { /* hot first, test code left out */
		for (size_t i = 0; ok && i < scan->plan.nblocked; i++)
			ok = scout_cjson_put(a, NULL,
			                     blocked_entry_json(scan, scan->plan.blocked[i]));
		return scout_cjson_finish(a, ok);
	}
	for (size_t i = 0; ok && i < scan->nmodules; i++)
		if (scan->modules[i].verdict == SCOUT_BLOCKED)
			ok = scout_cjson_put(a, NULL, blocked_entry_json(scan, i));
	return scout_cjson_finish(a, ok);
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

		item_ok = item_ok && scout_cjson_put(o, "module", scout_cjson_text(m->module));
		item_ok = item_ok && scout_cjson_put(o, "path", scout_cjson_text(m->path));
		item_ok = item_ok && scout_cjson_put(o, "group", scout_cjson_number(it->group));
		item_ok = item_ok && scout_cjson_put(o, "expected_gain",
		                                     scout_cjson_number(round4(it->expected_gain)));
		item_ok = item_ok &&
		          scout_cjson_put(o, "phase", scout_cjson_number(it->first_phase ? 1 : 2));
		item_ok = item_ok && scout_cjson_put(o, "kept", cJSON_CreateBool(it->kept));
		ok = scout_cjson_put(a, NULL, scout_cjson_finish(o, item_ok));
	}
	return scout_cjson_finish(a, ok);
}

/* The paste-ready list: the first phase's paths. */
static cJSON *mypycify_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->plan.ncompile; i++)
		if (scan->plan.compile[i].first_phase)
			ok = scout_cjson_put(
			    a, NULL,
			    scout_cjson_text(scan->modules[scan->plan.compile[i].module].path));
	return scout_cjson_finish(a, ok);
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
				ok = ok &&
				     scout_cjson_put(lists[k], NULL, scout_cjson_text(m->path));
	}
	ok = ok && scout_cjson_put(o, "source", scout_cjson_text(scan->compile_source));
	for (int k = 0; k < 4; k++)
		ok = scout_cjson_put(o, keys[k], lists[k]) && ok;
	ok = ok && scout_json_compile_origins(o, scan);
	return scout_cjson_finish(o, ok);
}

static cJSON *plan_json(const scout_scan *scan)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "compile", compile_json(scan));
	ok = ok && scout_cjson_put(o, "blocked", blocked_json(scan));
	ok = ok && scout_cjson_put(o, "mypycify", mypycify_json(scan));
	ok = ok && scout_cjson_put(o, "covered", scout_cjson_number(round4(scan->plan.covered)));
	if (scan->compile_source)
		ok = ok && scout_cjson_put(o, "current", current_json(scan));
	return scout_cjson_finish(o, ok);
}

/* ---- diagnostics and the document --------------------------------------- */

static cJSON *diagnostic_json(const scout_diagnostic *d)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "path", scout_cjson_text(d->path));
	ok = ok && scout_cjson_put(o, "kind", scout_cjson_text(scout_diag_kind_name(d->kind)));
	ok = ok && scout_cjson_put(o, "line", line_or_null(d->line));
	ok = ok && scout_cjson_put(o, "message", scout_cjson_text(d->message));
	return scout_cjson_finish(o, ok);
}

static cJSON *advisories_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->nadvisories; i++) {
		const scout_advisory *adv = &scan->advisories[i];
		cJSON *o = cJSON_CreateObject();
		bool item_ok = o != NULL;

		item_ok = item_ok && scout_cjson_put(o, "rule", scout_cjson_text(adv->rule));
		item_ok = item_ok &&
		          scout_cjson_put(o, "category",
		                          scout_cjson_text(scout_category_name(adv->category)));
		item_ok = item_ok && scout_cjson_put(o, "message", scout_cjson_text(adv->title));
		ok = scout_cjson_put(a, NULL, scout_cjson_finish(o, item_ok));
	}
	return scout_cjson_finish(a, ok);
}

static cJSON *diagnostics_json(const scout_scan *scan)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->ndiags; i++)
		ok = scout_cjson_put(a, NULL, diagnostic_json(&scan->diags[i]));
	return scout_cjson_finish(a, ok);
}

static cJSON *tool_json(void)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "name", scout_cjson_text("mypyc-scout"));
	ok = ok && scout_cjson_put(o, "version", scout_cjson_text(SCOUT_VERSION));
	return scout_cjson_finish(o, ok);
}

/* The mypyc version the rules were evaluated for, and why that one. */
static cJSON *mypyc_json(const scout_scan *scan)
{
	cJSON *o = cJSON_CreateObject();
	uint32_t v = scan->mypyc_version;
	char version[32];
	bool ok = o != NULL;

	scout_version_format(v, version, sizeof(version));
	ok = ok && scout_cjson_put(o, "version", scout_cjson_text(version));
	ok = ok && scout_cjson_put(o, "source", scout_cjson_text(scan->mypyc_version_source));
	return scout_cjson_finish(o, ok);
}

static cJSON *tie_json(const scout_profile_tie *tie)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *mods = o ? cJSON_CreateArray() : NULL;
	bool ok = mods != NULL;

	for (size_t k = 0; ok && k < tie->nmodules; k++)
		ok = scout_cjson_put(mods, NULL, scout_cjson_text(tie->modules[k]));
	mods = scout_cjson_finish(mods, ok);
	ok = scout_cjson_put(o, "file", scout_cjson_text(tie->file)) && ok;
	ok = ok && scout_cjson_put(o, "share", scout_cjson_number(round4(tie->share)));
	ok = scout_cjson_put(o, "modules", mods) && ok;
	return scout_cjson_finish(o, ok);
}

/* Where the profile's self time went, and the files it could not place. */
static cJSON *profile_json(const scout_profile_placement *p)
{
	cJSON *o = cJSON_CreateObject(), *ties = o ? cJSON_CreateArray() : NULL;
	bool ok = ties != NULL;

	for (size_t i = 0; ok && i < p->nties; i++)
		ok = scout_cjson_put(ties, NULL, tie_json(&p->ties[i]));
	ties = scout_cjson_finish(ties, ok);
	ok = scout_cjson_put(o, "shipped", scout_cjson_number(round4(p->shipped))) && ok;
	ok = ok && scout_cjson_put(o, "not_shipped", scout_cjson_number(round4(p->not_shipped)));
	ok = ok && scout_cjson_put(o, "ambiguous", scout_cjson_number(round4(p->ambiguous)));
	ok = ok && scout_cjson_put(o, "outside", scout_cjson_number(round4(p->outside)));
	ok = scout_cjson_put(o, "ambiguous_files", ties) && ok;
	return scout_cjson_finish(o, ok);
}

/* The Python mypy was taken to analyse for, and why that one. */
static cJSON *python_json(const scout_scan *scan)
{
	cJSON *o = cJSON_CreateObject();
	char version[32];
	bool ok = o != NULL;

	snprintf(version, sizeof(version), "%d.%d", scan->python_major, scan->python_minor);
	ok = ok && scout_cjson_put(o, "version", scout_cjson_text(version));
	ok = ok && scout_cjson_put(o, "platform", scout_cjson_text(scan->python_platform));
	ok = ok && scout_cjson_put(o, "source", scout_cjson_text(scan->python_source));
	return scout_cjson_finish(o, ok);
}

/* Which modules ship and how that was found; which the gate covers. */
static cJSON *scope_json(const scout_scan *scan)
{
	cJSON *o = cJSON_CreateObject();
	size_t shipped = 0, gated = 0;
	bool ok = o != NULL;

	for (size_t i = 0; i < scan->nmodules; i++) {
		shipped += scan->modules[i].shipped;
		gated += scan->modules[i].gated;
	}
	ok = ok && scout_cjson_put(o, "source", scout_cjson_text(scan->scope_source));
	ok =
	    ok && scout_cjson_put(o, "gate", scout_cjson_text(scan->scope_all ? "all" : "shipped"));
	ok = ok && scout_cjson_put(o, "modules", scout_cjson_number((double)scan->nmodules));
	ok = ok && scout_cjson_put(o, "shipped", scout_cjson_number((double)shipped));
	ok = ok && scout_cjson_put(o, "not_shipped",
	                           scout_cjson_number((double)(scan->nmodules - shipped)));
	ok = ok && scout_cjson_put(o, "gated", scout_cjson_number((double)gated));
	return scout_cjson_finish(o, ok);
}

static cJSON *report_json(const scout_scan *scan, const scout_report_opts *opts)
{
	const char *hotness = scan->hotness_source ? scan->hotness_source : "static";
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "schema_version", scout_cjson_number(SCHEMA_VERSION));
	ok = ok && scout_cjson_put(o, "tool", tool_json());
	ok = ok && scout_cjson_put(o, "root", scout_cjson_text(scan->root));
	ok = ok && scout_cjson_put(o, "source", scout_cjson_text(scan->source));
	ok = ok && scout_cjson_put(o, "hotness_source", scout_cjson_text(hotness));
	if (scout_str_startswith(hotness, "profile:")) {
		ok = ok && scout_cjson_put(o, "profile_outside",
		                           scout_cjson_number(round4(scan->profile.outside)));
		ok = ok && scout_cjson_put(o, "profile", profile_json(&scan->profile));
	}
	if (scan->mypyc_version)
		ok = ok && scout_cjson_put(o, "mypyc", mypyc_json(scan));
	if (scan->python_major)
		ok = ok && scout_cjson_put(o, "python", python_json(scan));
	if (scan->scope_source)
		ok = ok && scout_cjson_put(o, "scope", scope_json(scan));
	ok = ok && scout_cjson_put(o, "summary", summary_json(scan));
	ok = ok && scout_cjson_put(o, "modules", modules_json(scan));
	ok = ok && scout_cjson_put(o, "plan", plan_json(scan));
	ok = ok && scout_cjson_put(o, "diagnostics", diagnostics_json(scan));
	ok = ok && scout_cjson_put(o, "advisories", advisories_json(scan));
	if (opts && opts->verification)
		ok = ok && scout_cjson_put(o, "verification",
		                           scout_json_verification(scan, opts->verification));
	return scout_cjson_finish(o, ok);
}

static int json_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	return scout_cjson_write(out, report_json(scan, opts), "the JSON report");
}

const scout_reporter scout_reporter_json = {
    .name = "json",
    .write = json_write,
};
