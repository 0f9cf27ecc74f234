/* The packaging checklist's helpers: reading repository files safely (no
 * symlinks, a size cap, text only), walking their lines, project paths, and
 * filling a checklist item's evidence. */
#include "audit_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scout/fs.h"
#include "scout/source.h"

#define REF_TEXT_MAX 200

void scout_audit_facts_read(facts_file *f, const char *dir, const char *rel)
{
	char *path = scout_asprintf("%s/%s", dir, rel);
	char *bytes = NULL;
	size_t len;
	scout_source src;
	scout_load_error err;

	memset(f, 0, sizeof(*f));
	f->rel = scout_strdup(rel);
	/* SCOUT_FS_PROJECT: under --rev, the commit's file (scout/fs.h). */
	if (scout_fs_read(&bytes, &len, path, FACTS_MAX_BYTES, SCOUT_FS_NOFOLLOW | SCOUT_FS_PROJECT,
	                  NULL) == 0 &&
	    scout_source_from_bytes(&src, bytes, len, &err) == 0) {
		f->data = src.data;
		f->len = src.len;
	}
	free(bytes);
	free(path);
}

void scout_audit_facts_file_free(facts_file *f)
{
	free(f->rel);
	free(f->data);
	memset(f, 0, sizeof(*f));
}

bool scout_audit_facts_next_line(const facts_file *f, size_t *pos, facts_line *line)
{
	const char *start, *nl;
	size_t len;

	if (!f->data || *pos >= f->len)
		return false;
	start = f->data + *pos;
	nl = memchr(start, '\n', f->len - *pos);
	len = nl ? (size_t)(nl - start) : f->len - *pos;
	*pos += len + (nl ? 1 : 0);
	line->no = start == f->data ? 1 : line->no + 1;
	line->text = start;
	line->len = len && start[len - 1] == '\r' ? len - 1 : len;
	return true;
}

static bool line_find(const facts_line *l, const char *needle, bool fold)
{
	size_t n = strlen(needle);

	for (size_t i = 0; n <= l->len && i <= l->len - n; i++)
		if (fold ? strncasecmp(l->text + i, needle, n) == 0
		         : memcmp(l->text + i, needle, n) == 0)
			return true;
	return false;
}

bool scout_audit_facts_line_has(const facts_line *l, const char *needle)
{
	return line_find(l, needle, false);
}

bool scout_audit_facts_line_has_ci(const facts_line *l, const char *needle)
{
	return line_find(l, needle, true);
}

bool scout_audit_facts_line_is_comment(const facts_line *l)
{
	size_t i = 0;

	while (i < l->len && isspace((unsigned char)l->text[i]))
		i++;
	return i == l->len || l->text[i] == '#' || l->text[i] == ';';
}

/* Drops leading "./" and trailing '/'; "" becomes ".". Owned by caller. */
static char *normalise(const char *p)
{
	size_t n;

	while (p[0] == '.' && p[1] == '/')
		for (p += 2; *p == '/';)
			p++;
	n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		n--;
	return n ? scout_strndup(p, n) : scout_strdup(".");
}

static bool has_dotdot(const char *p)
{
	for (const char *s = p; (s = strstr(s, "..")); s += 2)
		if ((s == p || s[-1] == '/') && (s[2] == '\0' || s[2] == '/'))
			return true;
	return false;
}

char *scout_audit_facts_project_path(const facts_ctx *ctx, const char *module_path)
{
	char *root = normalise(ctx->scan->root ? ctx->scan->root : ".");
	char *dir = normalise(ctx->dir);
	size_t n = strlen(dir);
	char *out = NULL;

	if (has_dotdot(module_path) || has_dotdot(root))
		out = NULL;
	else if (strcmp(root, dir) == 0)
		out = scout_strdup(module_path);
	else if (strcmp(dir, ".") == 0 && root[0] != '/')
		out = scout_asprintf("%s/%s", root, module_path);
	else if (strncmp(root, dir, n) == 0 && root[n] == '/')
		out = scout_asprintf("%s/%s", root + n + 1, module_path);
	free(root);
	free(dir);
	return out;
}

/* The first-phase modules of the plan as project paths, or NULL with *n 0
 * (owned array of owned strings, free with scout_audit_facts_strs_free). */
static char **first_phase(const facts_ctx *ctx, size_t *n)
{
	char **out = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < ctx->scan->plan.ncompile; i++) {
		const scout_plan_item *it = &ctx->scan->plan.compile[i];
		char *p;

		if (!it->first_phase || it->module >= ctx->scan->nmodules)
			continue;
		p = scout_audit_facts_project_path(ctx, ctx->scan->modules[it->module].path);
		if (p)
			SCOUT_PUSH(out, *n, cap, p);
	}
	return out;
}

void scout_audit_facts_strs_free(char **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

/* Appends s as a double-quoted string valid in Python and TOML. */
static void put_quoted(scout_buf *b, const char *s)
{
	scout_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			scout_buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			scout_buf_printf(b, "\\u%04x", *p);
		else
			scout_buf_putc(b, (char)*p);
	}
	scout_buf_putc(b, '"');
}

void scout_audit_facts_put_paths(scout_buf *b, const facts_ctx *ctx, const char *indent)
{
	size_t n;
	char **paths = first_phase(ctx, &n);

	for (size_t i = 0; i < n; i++) {
		scout_buf_puts(b, indent);
		put_quoted(b, paths[i]);
		scout_buf_puts(b, ",\n");
	}
	if (n == 0)
		scout_buf_printf(b, "%s\"your_package/hot_module.py\",  # the phase 1 modules\n",
		                 indent);
	scout_audit_facts_strs_free(paths, n);
}

scout_audit_check *scout_audit_facts_check(scout_audit *a, const char *id, const char *title)
{
	scout_audit_check c = {.id = id, .title = title, .status = SCOUT_CHECK_INFO};

	SCOUT_PUSH(a->checks, a->nchecks, a->checks_cap, c);
	return &a->checks[a->nchecks - 1];
}

/* How many bytes of s (at most max) end on a UTF-8 character boundary. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

void scout_audit_facts_ref(scout_audit_check *c, const char *path, uint32_t line, const char *text,
                           size_t len)
{
	scout_audit_ref r = {.path = scout_strdup(path), .line = line};

	while (len && isspace((unsigned char)*text))
		text++, len--;
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	r.text = scout_strndup(text, utf8_cut(text, len, REF_TEXT_MAX));
	SCOUT_PUSH(c->refs, c->nrefs, c->refs_cap, r);
}

void scout_audit_facts_ref_line(scout_audit_check *c, const facts_file *f, const facts_line *l)
{
	scout_audit_facts_ref(c, f->rel, l->no, l->text, l->len);
}

void scout_audit_facts_ref_at(scout_audit_check *c, const facts_file *f, uint32_t no)
{
	size_t pos = 0;
	facts_line l = {0};

	while (scout_audit_facts_next_line(f, &pos, &l))
		if (l.no == no) {
			scout_audit_facts_ref_line(c, f, &l);
			return;
		}
}

static int compare_refs(const void *pa, const void *pb)
{
	const scout_audit_ref *a = pa, *b = pb;
	int d = strcmp(a->path, b->path);

	if (d)
		return d;
	return a->line < b->line ? -1 : a->line > b->line;
}

size_t scout_audit_facts_refs_finish(scout_audit_check *c)
{
	size_t kept = 0, dropped = 0;

	if (c->nrefs > 1)
		qsort(c->refs, c->nrefs, sizeof(*c->refs), compare_refs);
	for (size_t i = 0; i < c->nrefs; i++) {
		scout_audit_ref *r = &c->refs[i];
		bool dup = kept && compare_refs(&c->refs[kept - 1], r) == 0;

		if (dup || kept == FACTS_MAX_REFS) {
			dropped += !dup;
			free(r->path);
			free(r->text);
			continue;
		}
		c->refs[kept++] = *r;
	}
	c->nrefs = kept;
	return dropped;
}

void scout_audit_facts_snippet(scout_audit_check *c, char *text, const char *lang, const char *file)
{
	free(c->snippet);
	c->snippet = text;
	c->snippet_lang = lang;
	c->snippet_file = file;
}
