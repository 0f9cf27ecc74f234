/* Checklist item "requires-python": the supported CPython range, read from
 * pyproject.toml ([project] or poetry), setup.cfg or setup.py, which decides
 * how many compiled wheels each release needs (one per CPython minor version
 * and platform), checked against the oldest Python the target mypyc runs on. */
#include "audit_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scout/python_spec.h"
#include "scout/walk.h"

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

static void describe(scout_audit_check *c, scout_buf *found, const spec_source *s,
                     scout_python_range r, int min)
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
	int min = scout_python_min_minor_for_mypyc(ctx->scan->mypyc_version);

	if (find_spec(&s, ctx)) {
		describe(c, &found, &s, scout_python_spec_parse(s.text), min);
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
