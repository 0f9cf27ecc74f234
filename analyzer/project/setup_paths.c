/* Paths and the file system for the setup.py reader. A path the build makes
 * absolute (`__file__`, os.path.abspath) is virtual: "\x01" stands for the
 * checkout's root, so nothing outside the checkout is ever read. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "scout/fs.h"
#include "setup_eval_internal.h"

#define VROOT '\x01'

static bool is_virtual(const char *p)
{
	return p[0] == VROOT;
}

const char *pv_path_norm(pv_eval *ev, const char *abs)
{
	scout_buf b = {0};
	size_t *ends = NULL, nends = 0, cap = 0;
	const char *p = abs + 1, *out;

	scout_buf_putc(&b, VROOT);
	while (*p) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (!nends) {
				scout_buf_free(&b);
				free(ends);
				return NULL;
			}
			b.len = ends[--nends];
			b.data[b.len] = '\0';
		} else if (n && !(n == 1 && p[0] == '.')) {
			SCOUT_PUSH(ends, nends, cap, b.len);
			scout_buf_putc(&b, '/');
			scout_buf_put(&b, p, n);
		}
		p += n + (e != NULL);
	}
	out = pv_strdup(ev, b.data, b.len);
	scout_buf_free(&b);
	free(ends);
	return out;
}

const char *pv_path_abs(pv_eval *ev, const char *path)
{
	if (is_virtual(path))
		return pv_path_norm(ev, path);
	if (path[0] == '/')
		return NULL;
	return pv_path_norm(ev, pv_path_join(ev, ev->cwd, path));
}

const char *pv_path_join(pv_eval *ev, const char *a, const char *b)
{
	size_t n = strlen(a);

	if (is_virtual(b) || b[0] == '/' || !n)
		return b;
	return pv_printf(ev, "%s%s%s", a, a[n - 1] == '/' ? "" : "/", b);
}

const char *pv_path_dirname(pv_eval *ev, const char *p)
{
	const char *slash = strrchr(p, '/');
	size_t n;

	if (!slash)
		return is_virtual(p) ? p : "";
	n = (size_t)(slash - p);
	while (n > 1 && p[n - 1] == '/')
		n--;
	if (n == 0 || (n == 1 && is_virtual(p)))
		return pv_strdup(ev, p, 1);
	return pv_strdup(ev, p, n);
}

const char *pv_path_basename(pv_eval *ev, const char *p)
{
	const char *slash = strrchr(p, '/');

	(void)ev;
	if (!slash)
		return is_virtual(p) ? "" : p;
	return slash + 1;
}

const char *pv_path_relpath(pv_eval *ev, const char *path, const char *start)
{
	const char *a = pv_path_abs(ev, path), *b = pv_path_abs(ev, start);
	size_t common = 0, i = 0;
	scout_buf out = {0};
	const char *r;

	if (!a || !b)
		return NULL;
	/* the longest common run of whole components */
	for (i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			common = i;
	if (!a[i] && (!b[i] || b[i] == '/'))
		common = i;
	else if (!b[i] && a[i] == '/')
		common = i;
	for (const char *p = b + common; *p; p++)
		if (*p == '/')
			scout_buf_puts(&out, out.len ? "/.." : "..");
	if (a[common]) {
		if (out.len)
			scout_buf_putc(&out, '/');
		scout_buf_puts(&out, a + common + 1);
	}
	r = out.len ? pv_strdup(ev, out.data, out.len) : ".";
	scout_buf_free(&out);
	return r;
}

/* The file system path of a virtual absolute path. */
static char *real_path(pv_eval *ev, const char *vabs)
{
	return scout_asprintf("%s%s", ev->root, vabs + 1);
}

static int kind_of(const char *real)
{
	scout_fs_kind k = scout_fs_kind_of(real, false);

	return k == SCOUT_FS_KIND_DIR ? 1 : k == SCOUT_FS_KIND_FILE ? 2 : 0;
}

int pv_path_kind(pv_eval *ev, const char *path)
{
	const char *abs = pv_path_abs(ev, path);
	char *real;
	int k;

	if (!abs)
		return 0;
	real = real_path(ev, abs);
	k = kind_of(real);
	free(real);
	return k;
}

/* The sorted entry names of a real directory (owned; free each and the
 * array); false when it cannot be read. */
static bool read_names(pv_eval *ev, const char *real, char ***names, size_t *n)
{
	bool ok = scout_fs_list(real, names, n);

	ev->steps += *n;
	return ok;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

pv pv_path_listdir(pv_eval *ev, TSNode at, const char *path)
{
	const char *abs = pv_path_abs(ev, path);
	char *real, **names;
	size_t n;
	pv out;

	if (!abs)
		return pv_unknown(ev, at, "the directory %s is outside the checkout", path);
	real = real_path(ev, abs);
	if (!read_names(ev, real, &names, &n)) {
		free(real);
		return pv_unknown(ev, at, "the directory %s cannot be listed", path);
	}
	free(real);
	out = pv_new_list(ev, false);
	for (size_t i = 0; i < n; i++)
		pv_list_push(ev, out, pv_str(pv_strdup(ev, names[i], strlen(names[i]))));
	free_names(names, n);
	return out;
}

static void walk_into(pv_eval *ev, pv out, const char *shown, const char *real)
{
	char **names;
	size_t n;
	pv dirs = pv_new_list(ev, false), files = pv_new_list(ev, false), entry;

	if (ev->steps > PV_STEP_BUDGET || !read_names(ev, real, &names, &n))
		return;
	for (size_t i = 0; i < n; i++) {
		char *sub = scout_asprintf("%s/%s", real, names[i]);
		pv name = pv_str(pv_strdup(ev, names[i], strlen(names[i])));

		pv_list_push(ev, kind_of(sub) == 1 ? dirs : files, name);
		free(sub);
	}
	entry = pv_new_list(ev, true);
	pv_list_push(ev, entry, pv_str(shown));
	pv_list_push(ev, entry, dirs);
	pv_list_push(ev, entry, files);
	pv_list_push(ev, out, entry);
	for (size_t i = 0; i < dirs.list->n; i++) {
		char *sub = scout_asprintf("%s/%s", real, dirs.list->items[i].s);

		walk_into(ev, out, pv_path_join(ev, shown, dirs.list->items[i].s), sub);
		free(sub);
	}
	free_names(names, n);
}

pv pv_path_walk(pv_eval *ev, TSNode at, const char *top)
{
	const char *abs = pv_path_abs(ev, top);
	pv out = pv_new_list(ev, false);
	char *real;

	if (!abs)
		return pv_unknown(ev, at, "os.walk(%s) is outside the checkout", top);
	real = real_path(ev, abs);
	walk_into(ev, out, top, real);
	free(real);
	if (ev->steps > PV_STEP_BUDGET)
		return pv_unknown(ev, at, "os.walk(%s) is too large to follow", top);
	return out;
}

static bool magic(const char *comp)
{
	return strpbrk(comp, "*?[") != NULL;
}

typedef struct glob_run {
	pv_eval *ev;
	char **comps; /* the pattern's components */
	size_t ncomps;
	bool recursive;
	pv out;
} glob_run;

static void glob_add(glob_run *g, const char *shown)
{
	pv_list_push(g->ev, g->out, pv_str(pv_strdup(g->ev, shown, strlen(shown))));
}

static void glob_at(glob_run *g, const char *real, const char *shown, size_t i);

/* Every directory below `real` (not hidden), for "**". */
static void glob_deep(glob_run *g, const char *real, const char *shown, size_t i)
{
	char **names;
	size_t n;

	glob_at(g, real, shown, i + 1);
	if (g->ev->steps > PV_STEP_BUDGET || !read_names(g->ev, real, &names, &n))
		return;
	for (size_t k = 0; k < n; k++) {
		char *sub = scout_asprintf("%s/%s", real, names[k]);
		char *subshown = scout_asprintf("%s%s", shown, names[k]);

		if (names[k][0] != '.' && kind_of(sub) == 1) {
			char *withslash = scout_asprintf("%s/", subshown);

			if (i + 1 == g->ncomps)
				glob_add(g, subshown);
			glob_deep(g, sub, withslash, i);
			free(withslash);
		} else if (names[k][0] != '.' && i + 1 == g->ncomps) {
			glob_add(g, subshown);
		}
		free(sub);
		free(subshown);
	}
	free_names(names, n);
}

/* Matches components from i in the real directory `real`, shown as
 * `shown` (the pattern's own form, ending in '/' or empty). */
static void glob_at(glob_run *g, const char *real, const char *shown, size_t i)
{
	const char *comp;
	char **names;
	size_t n;

	if (i == g->ncomps)
		return;
	comp = g->comps[i];
	if (g->recursive && strcmp(comp, "**") == 0) {
		glob_deep(g, real, shown, i);
		return;
	}
	if (!magic(comp)) {
		char *sub = scout_asprintf("%s/%s", real, comp);
		char *subshown =
		    scout_asprintf("%s%s%s", shown, comp, i + 1 < g->ncomps ? "/" : "");
		int k = kind_of(sub);

		if (k && i + 1 == g->ncomps)
			glob_add(g, subshown);
		else if (k == 1)
			glob_at(g, sub, subshown, i + 1);
		free(sub);
		free(subshown);
		return;
	}
	if (g->ev->steps > PV_STEP_BUDGET || !read_names(g->ev, real, &names, &n))
		return;
	for (size_t k = 0; k < n; k++) {
		char *sub, *subshown;

		if ((names[k][0] == '.' && comp[0] != '.') || fnmatch(comp, names[k], 0) != 0)
			continue;
		sub = scout_asprintf("%s/%s", real, names[k]);
		subshown = scout_asprintf("%s%s", shown, names[k]);
		if (i + 1 == g->ncomps) {
			glob_add(g, subshown);
		} else if (kind_of(sub) == 1) {
			char *withslash = scout_asprintf("%s/", subshown);

			glob_at(g, sub, withslash, i + 1);
			free(withslash);
		}
		free(sub);
		free(subshown);
	}
	free_names(names, n);
}

static int by_pv_str(const void *a, const void *b)
{
	return strcmp(((const pv *)a)->s, ((const pv *)b)->s);
}

pv pv_path_glob(pv_eval *ev, TSNode at, const char *pattern, bool recursive)
{
	glob_run g = {ev, NULL, 0, recursive, pv_new_list(ev, false)};
	size_t cap = 0, fixed = 0;
	scout_buf prefix = {0};
	const char *p = pattern, *abs;
	char *real;

	while (*p) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n)
			SCOUT_PUSH(g.comps, g.ncomps, cap, scout_strndup(p, n));
		p += n + (e != NULL);
	}
	/* the components before the first wildcard name a directory */
	while (fixed + 1 < g.ncomps && !magic(g.comps[fixed])) {
		scout_buf_printf(&prefix, "%s%s", fixed || pattern[0] == '/' ? "/" : "",
		                 g.comps[fixed]);
		fixed++;
	}
	abs = pv_path_abs(ev, prefix.len ? prefix.data : (pattern[0] == '/' ? "/" : "."));
	for (size_t i = fixed; i < g.ncomps && abs; i++)
		if (strcmp(g.comps[i], "..") == 0)
			abs = NULL;
	if (!abs) {
		scout_buf_free(&prefix);
		free_names(g.comps, g.ncomps);
		return pv_unknown(ev, at, "glob %s reaches outside the checkout", pattern);
	}
	if (prefix.len)
		scout_buf_putc(&prefix, '/');
	real = real_path(ev, abs);
	glob_at(&g, real, prefix.len ? prefix.data : "", fixed);
	free(real);
	scout_buf_free(&prefix);
	free_names(g.comps, g.ncomps);
	if (ev->steps > PV_STEP_BUDGET)
		return pv_unknown(ev, at, "glob %s is too large to follow", pattern);
	if (g.out.list->n)
		qsort(g.out.list->items, g.out.list->n, sizeof(pv), by_pv_str);
	return g.out;
}
