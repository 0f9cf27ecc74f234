/* --format sarif: SARIF 2.1.0 (OASIS), for GitHub code scanning and other
 * SARIF viewers. One run:
 *
 *   tool.driver        name, version, informationUri, and `rules`: one
 *                      reportingDescriptor per rule that has a result in this
 *                      scan (not the whole catalog: `mypyc-scout rules` lists
 *                      that), sorted by id; ruleIndex points into it
 *   invocations[0]     executionSuccessful, and each diagnostic (a file that
 *                      could not be read or parsed) as a warning notification
 *   originalUriBaseIds %SRCROOT%: the scan root (a file: URI when the root was
 *                      given as an absolute path, else a description naming it)
 *   columnKind         unicodeCodePoints: our columns count code points
 *   results            one per finding, in report order (path, line, column,
 *                      rule): level error for blockers, note for info,
 *                      warning otherwise,
 *                      note for a finding that does not hold (it assumes a
 *                      module the recommended build leaves interpreted);
 *                      the message (then "\nif compiled with <paths>" when it
 *                      assumes modules, and "\nfix: <fix>"); properties
 *                      `assumes` (the paths) and `holds`, as in the JSON
 *                      report, when it assumes modules; the location as a
 *                      URI relative to %SRCROOT% (percent-encoded, RFC 3986)
 *                      and a region with 1-based lines and columns (endColumn
 *                      exclusive, as ours); partialFingerprints
 *                      "mypyc-scout/v1": the finding's fingerprint (below)
 *
 * With `verify --format sarif`, what the real mypyc did is added
 * (sarif_verify.c): its failures as results on their lines, and the
 * verification's summary as run properties.
 *
 * The fingerprint is the one the JSON report and baselines use (README
 * "Report fields beyond schema 1"): 16 hex digits of a SHA-1 over the rule id,
 * the path, the enclosing def/class and the finding's source line with blanks
 * folded — not its line number — or, for project-wide findings, over the rule
 * id, the path and the message without its digits; "-2", "-3" for repeats in
 * one module. It survives unrelated edits above the finding, so code scanning
 * keeps tracking the same alert. A finding of a module that was never
 * finished (no fingerprint yet) gets the SHA-1 of rule id, path and message.
 *
 * Built as a cJSON tree; every string from the scanned repository passes
 * scout_escape_utf8 (or scout_escape_uri_path for URIs) first. */
#include "reporter.h"
#include "assumes.h"
#include "cjson_util.h"
#include "escape.h"
#include "scout/fingerprint.h"
#include "scout/ruleinfo.h"
#include "verify_report.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SARIF_SCHEMA    "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_VERSION   "2.1.0"
#define SRCROOT         "%SRCROOT%"
#define FINGERPRINT_KEY "mypyc-scout/v1"
/* The tool has no public home yet; its findings point into mypyc's docs. */
#define INFORMATION_URI "https://mypyc.readthedocs.io/en/latest/"

/* ---- building blocks ------------------------------------------------------ */

/* {"text": s} (a SARIF message or multiformatMessageString). */
static cJSON *message(const char *s)
{
	cJSON *o = cJSON_CreateObject();

	return scout_cjson_finish(o, o && scout_cjson_put(o, "text", scout_cjson_text(s)));
}

static const char *level_of(scout_category c)
{
	return c == SCOUT_BLOCKER ? "error" : c == SCOUT_INFO ? "note" : "warning";
}

/* A result's level: its rule's, or note for a finding that does not hold. */
static const char *result_level(const scout_finding *f)
{
	return scout_finding_holds(f) ? level_of(f->category) : "note";
}

static bool nonempty(const char *s)
{
	return s && *s;
}

/* ---- tool.driver.rules --------------------------------------------------- */

static int compare_ids(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* The sorted, unique rule ids of the scan's findings (borrowed strings, the
 * array owned by caller, free with free()). */
static const char **rules_used(const scout_scan *scan, size_t *count)
{
	size_t n = 0, total = 0, unique = 0;
	const char **ids;

	for (size_t i = 0; i < scan->nmodules; i++)
		total += scan->modules[i].nfindings;
	ids = scout_calloc(total ? total : 1, sizeof(*ids));
	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++)
			ids[n++] = scan->modules[i].findings[j].rule
			               ? scan->modules[i].findings[j].rule
			               : "";
	qsort(ids, n, sizeof(*ids), compare_ids);
	for (size_t i = 0; i < n; i++)
		if (unique == 0 || strcmp(ids[i], ids[unique - 1]) != 0)
			ids[unique++] = ids[i];
	*count = unique;
	return ids;
}

/* "nested-class" -> "NestedClass": the descriptor's friendly name, or NULL
 * when that differs from the id only in case ("python2"): SARIF1001 wants
 * the name left out then. */
static cJSON *pascal_name(const char *id)
{
	scout_buf b = {0};
	bool upper = true;

	scout_buf_put(&b, "", 0);
	for (const char *p = id; *p; p++) {
		if (*p == '-' || *p == '_') {
			upper = true;
			continue;
		}
		scout_buf_putc(&b, upper && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
		upper = false;
	}
	if (strcasecmp(b.data, id) == 0) {
		scout_buf_free(&b);
		return NULL;
	}
	return scout_cjson_text_buf(&b);
}

/* help: plain text and Markdown with why, the fix and the docs link. */
static cJSON *rule_help(const scout_rule_info *info)
{
	const char *why = nonempty(info->why) ? info->why : info->title;
	scout_buf plain = {0}, md = {0};
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	scout_buf_printf(&plain, "%s\n\nFix: %s", why, info->fix ? info->fix : "");
	scout_buf_puts(&md, "**");
	scout_escape_markdown_inline(&md, info->title);
	scout_buf_puts(&md, "**\n\n");
	scout_escape_markdown_inline(&md, why);
	scout_buf_puts(&md, "\n\n**Fix:** ");
	scout_escape_markdown_inline(&md, info->fix);
	if (nonempty(info->docs)) {
		scout_buf_printf(&plain, "\n\nSee %s", info->docs);
		scout_buf_printf(&md, "\n\nSee [the mypyc documentation](%s).", info->docs);
	}
	scout_buf_printf(&md, "\n\nRun `mypyc-scout rules %s` for an example.", info->id);
	ok = ok && scout_cjson_put(o, "text", scout_cjson_text_buf(&plain));
	ok = ok && scout_cjson_put(o, "markdown", scout_cjson_text_buf(&md));
	scout_buf_free(&plain);
	scout_buf_free(&md);
	return scout_cjson_finish(o, ok);
}

static cJSON *rule_properties(scout_category category)
{
	cJSON *o = cJSON_CreateObject(), *tags = cJSON_CreateArray();
	bool ok = o != NULL && tags != NULL;

	ok = ok && scout_cjson_put(tags, NULL, scout_cjson_text("mypyc"));
	ok = ok && scout_cjson_put(tags, NULL, scout_cjson_text(scout_category_name(category)));
	ok = scout_cjson_put(o, "category", scout_cjson_text(scout_category_name(category))) && ok;
	ok = scout_cjson_put(o, "tags", tags) && ok;
	return scout_cjson_finish(o, ok);
}

static cJSON *rule_json(const char *id)
{
	const scout_rule_info *info = scout_rule_info_find(id);
	cJSON *o = cJSON_CreateObject(), *config = NULL, *name = NULL;
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "id", scout_cjson_text(id));
	if (ok && (name = pascal_name(id)))
		ok = scout_cjson_put(o, "name", name);
	if (!info) /* not in the catalog: the id is all we know */
		return scout_cjson_finish(o, ok);
	ok = ok && scout_cjson_put(o, "shortDescription", message(info->title));
	ok = ok && scout_cjson_put(o, "fullDescription",
	                           message(nonempty(info->why) ? info->why : info->title));
	ok = ok && scout_cjson_put(o, "help", rule_help(info));
	if (nonempty(info->docs))
		ok = ok && scout_cjson_put(o, "helpUri", scout_cjson_text(info->docs));
	config = cJSON_CreateObject();
	ok = scout_cjson_put(config, "level", scout_cjson_text(level_of(info->category))) && ok;
	ok = scout_cjson_put(o, "defaultConfiguration", config) && ok;
	ok = ok && scout_cjson_put(o, "properties", rule_properties(info->category));
	return scout_cjson_finish(o, ok);
}

static cJSON *driver_json(const char **ids, size_t nids)
{
	cJSON *o = cJSON_CreateObject(), *rules = cJSON_CreateArray();
	bool ok = o != NULL && rules != NULL;

	for (size_t i = 0; ok && i < nids; i++)
		ok = scout_cjson_put(rules, NULL, rule_json(ids[i]));
	ok = ok && scout_cjson_put(o, "name", scout_cjson_text("mypyc-scout"));
	ok = ok && scout_cjson_put(o, "version", scout_cjson_text(SCOUT_VERSION));
	ok = ok && scout_cjson_put(o, "semanticVersion", scout_cjson_text(SCOUT_VERSION));
	ok = ok && scout_cjson_put(o, "informationUri", scout_cjson_text(INFORMATION_URI));
	ok = scout_cjson_put(o, "rules", rules) && ok;
	return scout_cjson_finish(o, ok);
}

/* ---- locations ----------------------------------------------------------- */

/* path (from the project root) from the top of the work tree holding it,
 * where code scanning looks for it: prefix is scan->repo_prefix. */
static cJSON *artifact_location(const char *prefix, const char *path)
{
	scout_buf uri = {0};
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	scout_escape_uri_path(&uri, prefix);
	scout_escape_uri_path(&uri, path);
	ok = ok && scout_cjson_put(o, "uri", scout_cjson_text_buf(&uri));
	ok = ok && scout_cjson_put(o, "uriBaseId", scout_cjson_text(SRCROOT));
	scout_buf_free(&uri);
	return scout_cjson_finish(o, ok);
}

/* The region of lines [line, end_line] and columns [column, end_column)
 * (1-based); parts that are 0 or out of order are left out. NULL (and no
 * region) when line is 0. */
static cJSON *region(uint32_t line, uint32_t column, uint32_t end_line, uint32_t end_column)
{
	cJSON *o;
	bool ok, has_end = end_line >= line && (end_line > line || end_column >= column);

	if (!line)
		return NULL;
	o = cJSON_CreateObject();
	ok = o != NULL && scout_cjson_put(o, "startLine", scout_cjson_number(line));
	if (column)
		ok = ok && scout_cjson_put(o, "startColumn", scout_cjson_number(column));
	if (has_end) {
		ok = ok && scout_cjson_put(o, "endLine", scout_cjson_number(end_line));
		if (column && end_column)
			ok = ok && scout_cjson_put(o, "endColumn", scout_cjson_number(end_column));
	}
	return scout_cjson_finish(o, ok);
}

/* [{"physicalLocation": {artifactLocation, region}}] */
static cJSON *locations(const char *prefix, const char *path, cJSON *reg)
{
	cJSON *list = cJSON_CreateArray(), *loc = cJSON_CreateObject(),
	      *phys = cJSON_CreateObject();
	bool ok = list && loc && phys;

	ok = scout_cjson_put(phys, "artifactLocation", artifact_location(prefix, path)) && ok;
	if (reg)
		ok = scout_cjson_put(phys, "region", reg) && ok;
	ok = scout_cjson_put(loc, "physicalLocation", phys) && ok;
	ok = scout_cjson_put(list, NULL, loc) && ok;
	return scout_cjson_finish(list, ok);
}

/* ---- results ------------------------------------------------------------- */

static cJSON *fingerprints(const scout_module *m, const scout_finding *f)
{
	char fallback[SCOUT_FINGERPRINT_LEN];
	const char *parts[] = {f->rule, m->path, f->message};
	cJSON *o = cJSON_CreateObject();

	if (!f->fingerprint[0])
		scout_fingerprint(fallback, parts, 3);
	return scout_cjson_finish(
	    o,
	    o && scout_cjson_put(o, FINGERPRINT_KEY,
	                         scout_cjson_text(f->fingerprint[0] ? f->fingerprint : fallback)));
}

/* {"assumes": [paths], "holds": bool}: the result's property bag. */
static cJSON *assumes_properties(const scout_finding *f)
{
	cJSON *o = cJSON_CreateObject(), *a = cJSON_CreateArray();
	bool ok = o && a;

	for (uint32_t i = 0; ok && i < f->nassumes; i++)
		ok = scout_cjson_put(a, NULL, scout_cjson_text(f->assumes[i]));
	ok = scout_cjson_put(o, "assumes", a) && ok;
	ok = ok && scout_cjson_put(o, "holds", cJSON_CreateBool(scout_finding_holds(f)));
	return scout_cjson_finish(o, ok);
}

static cJSON *result_json(const char *prefix, const scout_module *m, const scout_finding *f,
                          const char **ids, size_t nids)
{
	const char *key = f->rule ? f->rule : "";
	const char **found = bsearch(&key, ids, nids, sizeof(*ids), compare_ids);
	scout_buf msg = {0};
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	scout_escape_utf8(&msg, f->message);
	if (f->nassumes) {
		scout_buf_putc(&msg, '\n');
		scout_report_assumes(&msg, f, scout_escape_utf8);
	}
	if (nonempty(f->fix)) {
		scout_buf_puts(&msg, "\nfix: ");
		scout_escape_utf8(&msg, f->fix);
	}
	ok = ok && scout_cjson_put(o, "ruleId", scout_cjson_text(key));
	if (found)
		ok = ok &&
		     scout_cjson_put(o, "ruleIndex", scout_cjson_number((uint32_t)(found - ids)));
	ok = ok && scout_cjson_put(o, "level", scout_cjson_text(result_level(f)));
	ok = ok && scout_cjson_put(o, "message", message(msg.data));
	ok = ok &&
	     scout_cjson_put(o, "locations",
	                     locations(prefix, m->path,
	                               region(f->line, f->column, f->end_line, f->end_column)));
	ok = ok && scout_cjson_put(o, "partialFingerprints", fingerprints(m, f));
	if (f->nassumes)
		ok = ok && scout_cjson_put(o, "properties", assumes_properties(f));
	scout_buf_free(&msg);
	return scout_cjson_finish(o, ok);
}

static cJSON *results_json(const scout_scan *scan, const char **ids, size_t nids)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < scan->nmodules; i++)
		for (size_t j = 0; ok && j < scan->modules[i].nfindings; j++)
			ok = scout_cjson_put(a, NULL,
			                     result_json(scan->repo_prefix ? scan->repo_prefix : "",
			                                 &scan->modules[i],
			                                 &scan->modules[i].findings[j], ids, nids));
	return scout_cjson_finish(a, ok);
}

/* ---- invocation, base ids, the run --------------------------------------- */

static cJSON *notification_json(const char *prefix, const scout_diagnostic *d)
{
	cJSON *o = cJSON_CreateObject(), *descriptor = cJSON_CreateObject();
	scout_buf msg = {0};
	bool ok = o != NULL && descriptor != NULL;

	scout_buf_printf(&msg, "%s: ", scout_diag_kind_name(d->kind));
	scout_escape_utf8(&msg, d->message);
	ok = scout_cjson_put(descriptor, "id", scout_cjson_text(scout_diag_kind_name(d->kind))) &&
	     ok;
	ok = scout_cjson_put(o, "descriptor", descriptor) && ok;
	ok = ok && scout_cjson_put(o, "level", scout_cjson_text("warning"));
	ok = ok && scout_cjson_put(o, "message", message(msg.data));
	ok = ok &&
	     scout_cjson_put(o, "locations", locations(prefix, d->path, region(d->line, 0, 0, 0)));
	scout_buf_free(&msg);
	return scout_cjson_finish(o, ok);
}

static cJSON *invocations_json(const scout_scan *scan)
{
	cJSON *list = cJSON_CreateArray(), *inv = cJSON_CreateObject(), *notes = NULL;
	bool ok = list && inv;

	ok = ok && scout_cjson_put(inv, "executionSuccessful", cJSON_CreateTrue());
	if (scan->ndiags) {
		notes = cJSON_CreateArray();
		for (size_t i = 0; notes && i < scan->ndiags; i++)
			ok = scout_cjson_put(
			         notes, NULL,
			         notification_json(scan->repo_prefix ? scan->repo_prefix : "",
			                           &scan->diags[i])) &&
			     ok;
		ok = scout_cjson_put(inv, "toolExecutionNotifications", notes) && ok;
	}
	ok = scout_cjson_put(list, NULL, inv) && ok;
	return scout_cjson_finish(list, ok);
}

/* The length of the top of the work tree in the absolute root: root without
 * its trailing repo_prefix ("proj/" off "/src/proj"); 0 when it does not end
 * that way. */
static size_t top_length(const char *root, const char *prefix)
{
	size_t n = strlen(root), p = strlen(prefix);

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (!p)
		return n;
	p--; /* without its '/' */
	if (p >= n || strncmp(root + n - p, prefix, p) != 0 || root[n - p - 1] != '/')
		return 0;
	return n - p - 1 ? n - p - 1 : 1;
}

/* %SRCROOT%, the top of the git work tree holding the project root (the
 * root itself outside git), which every uri is relative to:
 * "file:///abs/top/" for an absolute root; for a relative one (the
 * snapshot's case, and most CI runs) only a description, since a base URI
 * must be absolute and a reporter does not look at the file system. */
static cJSON *base_ids_json(const scout_scan *scan)
{
	const char *root = scan->root ? scan->root : "";
	const char *prefix = scan->repo_prefix ? scan->repo_prefix : "";
	size_t top = root[0] == '/' ? top_length(root, prefix) : 0;
	cJSON *o = cJSON_CreateObject(), *src = cJSON_CreateObject();
	scout_buf b = {0};
	bool ok = o && src;

	if (top) {
		char *dir = scout_strndup(root, top);

		scout_buf_puts(&b, "file://");
		scout_escape_uri_path(&b, dir);
		if (b.data[b.len - 1] != '/')
			scout_buf_putc(&b, '/');
		ok = scout_cjson_put(src, "uri", scout_cjson_text_buf(&b)) && ok;
		free(dir);
	} else {
		scout_buf_puts(&b, prefix[0] ? "the top of the git work tree that holds "
		                             : "the directory mypyc-scout scanned: ");
		scout_escape_utf8(&b, root[0] ? root : ".");
		if (prefix[0])
			scout_buf_puts(&b, ", the project root");
		ok = scout_cjson_put(src, "description", message(b.data)) && ok;
	}
	ok = scout_cjson_put(o, SRCROOT, src) && ok;
	scout_buf_free(&b);
	return scout_cjson_finish(o, ok);
}

static cJSON *run_json(const scout_scan *scan, const scout_verification *v)
{
	size_t nids;
	const char **ids = rules_used(scan, &nids);
	cJSON *run = cJSON_CreateObject(), *tool = cJSON_CreateObject();
	bool ok = run && tool;

	ok = scout_cjson_put(tool, "driver", driver_json(ids, nids)) && ok;
	ok = scout_cjson_put(run, "tool", tool) && ok;
	ok = ok && scout_cjson_put(run, "invocations", invocations_json(scan));
	ok = ok && scout_cjson_put(run, "originalUriBaseIds", base_ids_json(scan));
	ok = ok && scout_cjson_put(run, "columnKind", scout_cjson_text("unicodeCodePoints"));
	ok = ok && scout_cjson_put(run, "results", results_json(scan, ids, nids));
	if (ok && v)
		ok = scout_sarif_verification(run, scan, v);
	free(ids);
	return scout_cjson_finish(run, ok);
}

static cJSON *log_json(const scout_scan *scan, const scout_verification *v)
{
	cJSON *o = cJSON_CreateObject(), *runs = cJSON_CreateArray();
	bool ok = o && runs;

	ok = ok && scout_cjson_put(o, "$schema", scout_cjson_text(SARIF_SCHEMA));
	ok = ok && scout_cjson_put(o, "version", scout_cjson_text(SARIF_VERSION));
	ok = scout_cjson_put(runs, NULL, run_json(scan, v)) && ok;
	ok = scout_cjson_put(o, "runs", runs) && ok;
	return scout_cjson_finish(o, ok);
}

static int sarif_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	return scout_cjson_write(out, log_json(scan, opts ? opts->verification : NULL),
	                         "the SARIF log");
}

const scout_reporter scout_reporter_sarif = {
    .name = "sarif",
    .write = sarif_write,
};
