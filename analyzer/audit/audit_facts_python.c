/* Checklist item "requires-python": the supported CPython range, read from
 * pyproject.toml ([project] or poetry), setup.cfg or setup.py, which decides
 * how many compiled wheels each release needs (one per CPython minor version
 * and platform), checked against the oldest Python the target mypyc runs on. */
#include "audit_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scout/walk.h"

/* A range of CPython 3 minor versions; -1: unbounded on that side. */
typedef struct range {
	int lo, hi;   /* 3.lo .. 3.hi, inclusive */
	bool python2; /* a lower bound below 3.0 */
	bool parsed;  /* some clause was understood */
} range;

/* Oldest CPython the given mypyc runs on (mypy's own requires-python). */
static int mypyc_min_minor(uint32_t v)
{
	if (v == 0)
		v = SCOUT_MYPYC_CURRENT;
	if (v < SCOUT_V(1, 5, 0))
		return 7;
	if (v < SCOUT_V(1, 15, 0))
		return 8;
	if (v < SCOUT_V(1, 20, 0))
		return 9;
	return 10;
}

/* "3", "3.8", "3.8.1", "3.*": missing parts are -1. */
static const char *parse_version(const char *p, int *major, int *minor, int *patch)
{
	*major = *minor = *patch = -1;
	if (!isdigit((unsigned char)*p))
		return NULL;
	*major = (int)strtol(p, (char **)&p, 10);
	if (*p == '.' && isdigit((unsigned char)p[1]))
		*minor = (int)strtol(p + 1, (char **)&p, 10);
	if (*minor >= 0 && *p == '.' && isdigit((unsigned char)p[1]))
		*patch = (int)strtol(p + 1, (char **)&p, 10);
	if (*minor > 999 || *major > 99 || *patch > 9999)
		return NULL;
	return p;
}

static void set_lo(range *r, int major, int minor)
{
	if (major < 3)
		r->python2 = true;
	else if (major == 3 && minor > r->lo)
		r->lo = minor;
}

static void set_hi(range *r, int minor)
{
	if (r->hi < 0 || minor < r->hi)
		r->hi = minor;
}

/* One clause ("op version"); unknown operators are ignored. A version
 * without a minor ("3", "3.*") bounds nothing within CPython 3. */
static void clause(range *r, const char *op, int major, int minor, int patch)
{
	bool whole = minor < 0;

	r->parsed = true;
	if (whole)
		minor = 0;
	if (strcmp(op, ">=") == 0 || strcmp(op, ">") == 0 || strcmp(op, "^") == 0) {
		set_lo(r, major, minor);
	} else if (strcmp(op, "~=") == 0) {
		set_lo(r, major, minor);
		if (patch >= 0 && major == 3) /* ~=3.8.1 means 3.8.* */
			set_hi(r, minor);
	} else if (strcmp(op, "==") == 0 || strcmp(op, "~") == 0) {
		set_lo(r, major, minor);
		if (major == 3 && !whole)
			set_hi(r, minor);
	} else if (strcmp(op, "<") == 0) {
		if (major == 3 && !whole)
			set_hi(r, patch > 0 ? minor : minor - 1);
	} else if (strcmp(op, "<=") == 0) {
		if (major == 3 && !whole)
			set_hi(r, minor);
	} else {
		r->parsed = false;
	}
}

static range parse_spec(const char *spec)
{
	range r = {.lo = -1, .hi = -1};
	const char *p = spec;

	if (strstr(spec, "||") || strstr(spec, " or "))
		return r; /* alternatives: shown as written */
	while (*p) {
		char op[3] = {0};
		int major, minor, patch;
		size_t n = 0;

		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		while (n < 2 && *p && strchr("<>=!~^", *p))
			op[n++] = *p++;
		while (*p == '=') /* === */
			p++;
		while (*p == ' ')
			p++;
		if (!(p = parse_version(p, &major, &minor, &patch)))
			break;
		if (strcmp(op, "!=") != 0)
			clause(&r, n ? op : "==", major, minor, patch);
		while (*p && *p != ',' && *p != ' ')
			p++;
	}
	if (r.lo < 0 && !r.python2 && r.hi < 0)
		r.parsed = false;
	return r;
}

typedef struct spec_source {
	char *text;  /* owned */
	char *where; /* owned; e.g. "pyproject.toml [project] requires-python" */
	const facts_file *file;
	uint32_t line;
} spec_source;

static bool from_toml(spec_source *s, const facts_ctx *ctx, const char *key, const char *where)
{
	const scout_toml_value *v = scout_toml_get(&ctx->toml, key);

	if (!v || v->type != SCOUT_TOML_STRING)
		return false;
	*s = (spec_source){scout_strdup(v->text), scout_strdup(where), &ctx->pyproject, v->line};
	return true;
}

/* The quoted value after `key` and '=' (or ':') on a line, or NULL. */
static char *value_after(const facts_line *l, const char *key, bool quoted)
{
	const char *p = l->text, *end = l->text + l->len, *q;
	size_t n = strlen(key);

	while (p + n <= end && memcmp(p, key, n) != 0)
		p++;
	if (p + n > end)
		return NULL;
	for (p += n; p < end && (*p == ' ' || *p == '\t');)
		p++;
	if (p == end || (*p != '=' && *p != ':'))
		return NULL;
	for (p++; p < end && (*p == ' ' || *p == '\t');)
		p++;
	if (!quoted)
		return p < end ? scout_strndup(p, (size_t)(end - p)) : NULL;
	if (p == end || (*p != '"' && *p != '\''))
		return NULL;
	for (q = p + 1; q < end && *q != *p;)
		q++;
	return q < end ? scout_strndup(p + 1, (size_t)(q - p - 1)) : NULL;
}

static bool from_lines(spec_source *s, const facts_file *f, const char *key, bool quoted,
                       const char *where)
{
	size_t pos = 0;
	facts_line l = {0};

	while (scout_audit_facts_next_line(f, &pos, &l)) {
		char *v =
		    scout_audit_facts_line_is_comment(&l) ? NULL : value_after(&l, key, quoted);

		if (v) {
			*s = (spec_source){v, scout_strdup(where), f, l.no};
			return true;
		}
	}
	return false;
}

static bool find_spec(spec_source *s, const facts_ctx *ctx)
{
	return from_toml(s, ctx, "project.requires-python",
	                 "pyproject.toml [project] requires-python") ||
	       from_toml(s, ctx, "tool.poetry.dependencies.python",
	                 "pyproject.toml [tool.poetry.dependencies] python") ||
	       from_lines(s, &ctx->setup_cfg, "python_requires", false,
	                  "setup.cfg python_requires") ||
	       from_lines(s, &ctx->setup_py, "python_requires", true, "setup.py python_requires");
}

static void put_minors(scout_buf *b, int lo, int hi)
{
	for (int m = lo; m <= hi; m++)
		scout_buf_printf(b, "%s3.%d", m == lo ? "" : ", ", m);
}

static void describe(scout_audit_check *c, scout_buf *found, const spec_source *s, range r, int min)
{
	scout_buf_printf(found, "%s is \"%s\" (%s line %u).", s->where, s->text, s->file->rel,
	                 s->line);
	scout_audit_facts_ref_at(c, s->file, s->line);
	if (r.parsed && r.lo >= 0 && r.hi >= r.lo) {
		scout_buf_printf(found, " That is %d CPython version%s: ", r.hi - r.lo + 1,
		                 r.hi > r.lo ? "s" : "");
		put_minors(found, r.lo, r.hi);
		scout_buf_puts(found, "; each needs its own compiled wheel on every platform.");
	} else if (r.parsed && r.lo >= 0 && r.hi >= 0) {
		scout_buf_puts(found, " That range holds no CPython 3 version.");
		r.parsed = false;
	} else if (r.parsed && r.lo >= 0) {
		scout_buf_printf(found,
		                 " The range is open: CPython 3.%d and every newer release, "
		                 "each needing its own compiled wheel on every platform.",
		                 r.lo);
	}
	if (!r.parsed || r.python2 || r.lo < min) {
		c->status = SCOUT_CHECK_WARN;
		c->advice = scout_asprintf(
		    "mypyc compiles for the interpreter it runs on, and the target mypyc runs on "
		    "CPython 3.%d and newer. %s Raise the lower bound to 3.%d, or ship only the "
		    "pure-Python wheel for the older versions.",
		    min,
		    r.parsed ? "This range includes older versions, which cannot get compiled "
		               "wheels from it."
		             : "The range could not be read precisely, so check it includes no "
		               "older version.",
		    min);
	} else {
		c->status = SCOUT_CHECK_OK;
		c->advice = scout_strdup("mypyc compiles for the interpreter it runs on: build one "
		                         "wheel per CPython version in this range and platform "
		                         "(cibuildwheel does this from requires-python).");
	}
}

void scout_audit_facts_requires_python(scout_audit *a, const facts_ctx *ctx)
{
	scout_audit_check *c =
	    scout_audit_facts_check(a, "requires-python", "Supported Python versions");
	scout_buf found = {0};
	spec_source s;
	int min = mypyc_min_minor(ctx->scan->mypyc_version);

	if (find_spec(&s, ctx)) {
		describe(c, &found, &s, parse_spec(s.text), min);
		free(s.text);
		free(s.where);
	} else {
		c->status = SCOUT_CHECK_WARN;
		scout_buf_puts(&found,
		               "No requires-python in pyproject.toml [project], setup.cfg or "
		               "setup.py.");
		c->advice = scout_asprintf(
		    "Declare requires-python: mypyc compiles for the interpreter it runs on, so "
		    "the "
		    "range decides which wheels to build (one per CPython version and platform), "
		    "and pip must not pick a release for a Python it was not built for. The target "
		    "mypyc runs on CPython 3.%d and newer.",
		    min);
		scout_audit_facts_snippet(
		    c, scout_asprintf("[project]\nrequires-python = \">=3.%d\"\n", min), "toml",
		    "pyproject.toml");
	}
	scout_audit_facts_refs_finish(c);
	c->found = scout_buf_detach(&found);
}
