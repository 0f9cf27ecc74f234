/* Hotness from a run-time profile: each shipped module's share of the self
 * time the profile spends in shipped modules. A profile names files by the
 * path the interpreter loaded them from; each is placed by the rules of
 * README "Profiles" (in this order):
 *
 * 1. the path of a scanned module: absolute, under the scanned directory
 *    (as given or with symlinks resolved), or relative and equal to a
 *    module's path;
 * 2. an installed copy: under site-packages, dist-packages or build/lib*,
 *    the rest of the path is a module's package path (pkg/mod.py from its
 *    dotted name); an installed copy holds shipped modules only, so those win;
 * 3. another checkout of the project (a CI runner, a container at /app): an
 *    absolute path that ends with "/" + a module's whole path, when that path
 *    has a directory (pkg/mod.py, src/pkg/mod.py) and what comes before is not
 *    a Python installation's library; then also a top-level module directly
 *    in such a checkout;
 * 4. a relative path (the profile ran in an unknown directory): the modules
 *    whose path ends with it, or the longest module path it ends with.
 *
 * A file that matches two or more modules equally is a tie: its time is
 * reported as not placed, with the candidates, never split or dropped. The
 * stdlib's tokenize.py is not black's blib2to3/pgen2/tokenize.py: no rule
 * matches a bare file name outside the project. */
#include "scout/hotness.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How a profile file was placed. */
typedef struct placement {
	size_t module; /* the module, or SCOUT_NO_MODULE */
	size_t *tied;  /* owned; candidates when the file is a tie */
	size_t ntied, tied_cap;
} placement;

/* What the matcher knows about the scan. */
typedef struct matcher {
	const scout_scan *scan;
	size_t *order;              /* owned; module indexes by file name, then index */
	char *abs_base, *real_base; /* owned; the directory module paths are relative to */
	char **pkg_paths;           /* owned; per module: "pkg/mod.py" from its dotted name */
	char **checkouts;           /* owned; other checkouts found by rule 3 */
	size_t ncheckouts, checkouts_cap;
} matcher;

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* ---- paths ----------------------------------------------------------------- */

/* A Windows path ("C:\x", "\\server\x") gets '/' separators. */
static bool windows_path(const char *p)
{
	return (((p[0] | 32) >= 'a' && (p[0] | 32) <= 'z' && p[1] == ':' &&
	         (p[2] == '\\' || p[2] == '/')) ||
	        (p[0] == '\\' && p[1] == '\\'));
}

/* `path` with '/' separators, no "." components, no empty ones, ".."
 * resolved against what precedes it (leading ones kept in a relative path).
 * Owned by caller, free(). */
static char *normalise(const char *path)
{
	size_t len = strlen(path), n = 0;
	char *in = scout_strdup(path), *out = scout_malloc(len + 2);
	bool absolute;

	if (windows_path(in))
		for (char *c = in; *c; c++)
			if (*c == '\\')
				*c = '/';
	absolute = in[0] == '/';
	if (absolute)
		out[n++] = '/';
	for (char *seg = in, *next; *seg || seg == in; seg = next) {
		size_t seglen = strcspn(seg, "/");

		next = seg + seglen + (seg[seglen] == '/');
		if (seglen == 0 || (seglen == 1 && seg[0] == '.')) {
			if (!*next)
				break;
			continue;
		}
		if (seglen == 2 && seg[0] == '.' && seg[1] == '.') {
			size_t start = n;

			while (start > (absolute ? 1u : 0u) && out[start - 1] != '/')
				start--;
			if (start < n &&
			    !(n - start == 2 && out[start] == '.' && out[start + 1] == '.')) {
				n = start > (absolute ? 1u : 0u) ? start - 1 : start;
				if (!*next)
					break;
				continue;
			}
			if (absolute) { /* "/.." is "/" */
				if (!*next)
					break;
				continue;
			}
		}
		if (n > 0 && out[n - 1] != '/')
			out[n++] = '/';
		memcpy(out + n, seg, seglen);
		n += seglen;
		if (!*next)
			break;
	}
	out[n] = '\0';
	free(in);
	return out;
}

/* An absolute path, POSIX or (normalised) Windows: "/x", "C:/x", "//server/x". */
static bool absolute_path(const char *p)
{
	return p[0] == '/' ||
	       ((p[0] | 32) >= 'a' && (p[0] | 32) <= 'z' && p[1] == ':' && p[2] == '/');
}

/* `dir` + "/" + `rel`, normalised; `rel` when it is absolute. */
static char *joined(const char *dir, const char *rel)
{
	char *both, *out;

	if (rel[0] == '/' || !dir)
		return normalise(rel);
	both = scout_asprintf("%s/%s", dir, rel);
	out = normalise(both);
	free(both);
	return out;
}

/* True when `path` ends with "/" + `tail` (whole components); *prefix_len
 * gets the length before that '/'. */
static bool ends_with_path(const char *path, const char *tail, size_t *prefix_len)
{
	size_t lp = strlen(path), lt = strlen(tail);

	if (lt == 0 || lp <= lt || path[lp - lt - 1] != '/' || strcmp(path + lp - lt, tail) != 0)
		return false;
	if (prefix_len)
		*prefix_len = lp - lt - 1;
	return true;
}

/* Where an installed copy's package paths start: after the last component
 * "site-packages" or "dist-packages", or after "build/lib*"; NULL when the
 * path has none. */
static const char *installed_tail(const char *path)
{
	const char *tail = NULL;

	for (const char *seg = path; *seg;) {
		size_t len = strcspn(seg, "/");
		const char *next = seg + len + (seg[len] == '/');

		if ((len == 13 && (strncmp(seg, "site-packages", 13) == 0 ||
		                   strncmp(seg, "dist-packages", 13) == 0)) ||
		    (len == 5 && strncmp(seg, "build", 5) == 0 && strncmp(next, "lib", 3) == 0)) {
			if (len == 5) /* skip the lib* component too */
				next += strcspn(next, "/") + (next[strcspn(next, "/")] == '/');
			tail = next;
		}
		seg = next;
	}
	return tail && *tail ? tail : NULL;
}

/* A Python installation's library directory (".../lib/python3.11",
 * "C:/Python311/Lib", "python311.zip"): files there are never the project. */
static bool python_library(const char *dir, size_t len)
{
	size_t start = len;

	while (start > 0 && dir[start - 1] != '/')
		start--;
	dir += start;
	len -= start;
	if ((len > 6 && strncmp(dir, "python", 6) == 0 && dir[6] >= '0' && dir[6] <= '9') ||
	    (len > 4 && strncmp(dir, "pypy", 4) == 0 && dir[4] >= '0' && dir[4] <= '9'))
		return true;
	return (len == 3 && strncmp(dir, "Lib", 3) == 0) ||
	       (len > 4 &&
	        (strncmp(dir + len - 4, ".zip", 4) == 0 || strncmp(dir + len - 4, ".egg", 4) == 0));
}

/* ---- the matcher ----------------------------------------------------------- */

static const scout_scan *sort_scan; /* qsort has no context argument */

static int compare_base_names(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c =
	    strcmp(base_name(sort_scan->modules[a].path), base_name(sort_scan->modules[b].path));

	if (c)
		return c;
	return a < b ? -1 : a > b;
}

/* The package path an installed copy gives the module: "pkg/mod.py" or
 * "pkg/__init__.py" from its dotted name. */
static char *package_path(const scout_module *m)
{
	char *out;

	if (!m->module || !m->module[0])
		return scout_strdup("");
	out = scout_asprintf("%s%s", m->module, m->is_package ? "/__init__.py" : ".py");
	for (char *c = out, *end = strrchr(out, '.'); c < end; c++)
		if (*c == '.')
			*c = '/';
	return out;
}

/* The directory module paths are relative to: the scanned directory, else
 * the current one (files given one by one keep the path as given). */
static void matcher_init(matcher *mt, const scout_scan *scan)
{
	const char *root = scan->root ? scan->root : ".";
	struct stat st;
	char cwd[PATH_MAX], *real;
	const char *base = stat(root, &st) == 0 && S_ISDIR(st.st_mode) ? root : ".";

	memset(mt, 0, sizeof(*mt));
	mt->scan = scan;
	mt->order = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*mt->order));
	mt->pkg_paths = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*mt->pkg_paths));
	for (size_t i = 0; i < scan->nmodules; i++) {
		mt->order[i] = i;
		mt->pkg_paths[i] = package_path(&scan->modules[i]);
	}
	sort_scan = scan;
	if (scan->nmodules)
		qsort(mt->order, scan->nmodules, sizeof(*mt->order), compare_base_names);
	sort_scan = NULL;
	mt->abs_base = joined(getcwd(cwd, sizeof(cwd)) ? cwd : NULL, base);
	real = realpath(base, NULL);
	mt->real_base = real ? normalise(real) : NULL;
	free(real);
}

static void matcher_free(matcher *mt)
{
	for (size_t i = 0; i < mt->scan->nmodules; i++)
		free(mt->pkg_paths[i]);
	for (size_t i = 0; i < mt->ncheckouts; i++)
		free(mt->checkouts[i]);
	free(mt->pkg_paths);
	free(mt->checkouts);
	free(mt->order);
	free(mt->abs_base);
	free(mt->real_base);
}

/* The range [*lo, *hi) of mt->order whose modules' file name is `name`. */
static void same_name(const matcher *mt, const char *name, size_t *lo, size_t *hi)
{
	const scout_scan *scan = mt->scan;
	size_t a = 0, b = scan->nmodules;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (strcmp(base_name(scan->modules[mt->order[mid]].path), name) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = b = a;
	while (b < scan->nmodules && strcmp(base_name(scan->modules[mt->order[b]].path), name) == 0)
		b++;
	*hi = b;
}

static void add_tied(placement *pl, size_t m)
{
	SCOUT_PUSH(pl->tied, pl->ntied, pl->tied_cap, m);
}

/* Sets pl from the candidates collected in pl->tied: one is the module,
 * several a tie. Returns true when any matched. */
static bool settle(placement *pl)
{
	if (pl->ntied == 1) {
		pl->module = pl->tied[0];
		pl->ntied = 0;
	}
	return pl->module != SCOUT_NO_MODULE || pl->ntied > 1;
}

/* Rule 1: the file is a scanned module's path. */
static bool rule_exact(const matcher *mt, const char *file, size_t lo, size_t hi, placement *pl)
{
	bool absolute = absolute_path(file);

	for (size_t k = lo; k < hi; k++) {
		size_t i = mt->order[k];
		char *a = absolute ? joined(mt->abs_base, mt->scan->modules[i].path) : NULL;
		char *r = absolute && mt->real_base
		              ? joined(mt->real_base, mt->scan->modules[i].path)
		              : NULL;
		bool hit = absolute ? strcmp(a, file) == 0 || (r && strcmp(r, file) == 0)
		                    : strcmp(mt->scan->modules[i].path, file) == 0;

		free(a);
		free(r);
		if (hit) {
			pl->module = i;
			return true;
		}
	}
	return false;
}

/* Rule 2: an installed copy; the shipped modules with that package path win.
 * True when the file is under an installation directory at all. */
static bool rule_installed(const matcher *mt, const char *file, size_t lo, size_t hi, placement *pl)
{
	const char *tail = installed_tail(file);
	bool shipped = false;

	if (!tail)
		return false;
	for (size_t k = lo; k < hi; k++)
		if (strcmp(mt->pkg_paths[mt->order[k]], tail) == 0)
			shipped = shipped || mt->scan->modules[mt->order[k]].shipped;
	for (size_t k = lo; k < hi; k++) {
		size_t i = mt->order[k];

		if (strcmp(mt->pkg_paths[i], tail) == 0 &&
		    (!shipped || mt->scan->modules[i].shipped))
			add_tied(pl, i);
	}
	settle(pl);
	return true;
}

/* Rule 3: another checkout; records where it is. */
static bool rule_checkout(matcher *mt, const char *file, size_t lo, size_t hi, placement *pl)
{
	size_t best_len = 0, prefix = 0, best_prefix = 0;

	for (size_t k = lo; k < hi; k++) {
		const char *path = mt->scan->modules[mt->order[k]].path;

		if (strchr(path, '/') && strlen(path) > best_len &&
		    ends_with_path(file, path, &prefix) && !python_library(file, prefix)) {
			pl->module = mt->order[k];
			best_len = strlen(path);
			best_prefix = prefix;
		}
	}
	if (pl->module == SCOUT_NO_MODULE)
		return false;
	for (size_t i = 0; i < mt->ncheckouts; i++)
		if (strncmp(mt->checkouts[i], file, best_prefix) == 0 &&
		    mt->checkouts[i][best_prefix] == '\0')
			return true;
	SCOUT_PUSH(mt->checkouts, mt->ncheckouts, mt->checkouts_cap,
	           scout_strndup(file, best_prefix));
	return true;
}

/* Rule 3, second pass: a top-level module directly in a checkout found. */
static bool rule_checkout_top(const matcher *mt, const char *file, size_t lo, size_t hi,
                              placement *pl)
{
	for (size_t k = lo; k < hi; k++) {
		const char *path = mt->scan->modules[mt->order[k]].path;
		size_t prefix;

		if (strchr(path, '/') || !ends_with_path(file, path, &prefix))
			continue;
		for (size_t c = 0; c < mt->ncheckouts; c++)
			if (strlen(mt->checkouts[c]) == prefix &&
			    strncmp(mt->checkouts[c], file, prefix) == 0) {
				pl->module = mt->order[k];
				return true;
			}
	}
	return false;
}

/* Rule 4: a relative path from an unknown directory. */
static bool rule_relative(const matcher *mt, const char *file, size_t lo, size_t hi, placement *pl)
{
	size_t best_len = 0;

	while (strncmp(file, "../", 3) == 0)
		file += 3;
	for (size_t k = lo; k < hi; k++)
		if (ends_with_path(mt->scan->modules[mt->order[k]].path, file, NULL))
			add_tied(pl, mt->order[k]);
	if (settle(pl))
		return true;
	for (size_t k = lo; k < hi; k++) {
		const char *path = mt->scan->modules[mt->order[k]].path;

		if (strlen(path) > best_len && ends_with_path(file, path, NULL)) {
			pl->module = mt->order[k];
			best_len = strlen(path);
		}
	}
	return pl->module != SCOUT_NO_MODULE;
}

/* Places one profile file; `second` is the pass for top-level modules of
 * checkouts found in the first. */
static void place(matcher *mt, const char *raw, bool second, placement *pl)
{
	char *file = normalise(raw);
	size_t lo, hi;

	pl->module = SCOUT_NO_MODULE;
	pl->ntied = 0;
	same_name(mt, base_name(file), &lo, &hi);
	if (lo == hi) {
		free(file);
		return;
	}
	if (second) {
		if (absolute_path(file) && !installed_tail(file))
			rule_checkout_top(mt, file, lo, hi, pl);
	} else if (!rule_exact(mt, file, lo, hi, pl) && !rule_installed(mt, file, lo, hi, pl)) {
		if (absolute_path(file))
			rule_checkout(mt, file, lo, hi, pl);
		else
			rule_relative(mt, file, lo, hi, pl);
	}
	free(file);
}

/* ---- hotness --------------------------------------------------------------- */

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_tie(scout_profile_placement *out, const scout_scan *scan, const char *file,
                    double share, const placement *pl)
{
	scout_profile_tie t = {scout_strdup(file), share, NULL, pl->ntied};

	t.modules = scout_calloc(pl->ntied, sizeof(*t.modules));
	for (size_t i = 0; i < pl->ntied; i++)
		t.modules[i] = scout_strdup(scan->modules[pl->tied[i]].path);
	qsort(t.modules, t.nmodules, sizeof(*t.modules), compare_strings);
	SCOUT_PUSH(out->ties, out->nties, out->ties_cap, t);
}

static int compare_ties(const void *pa, const void *pb)
{
	const scout_profile_tie *a = pa, *b = pb;

	if (a->share != b->share)
		return a->share > b->share ? -1 : 1;
	return strcmp(a->file, b->file);
}

static double round4(double x)
{
	return round(x * 1e4) / 1e4;
}

void scout_hotness_profile(scout_scan *scan, const scout_profile *p, const char *name)
{
	double *self = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*self));
	double shipped = 0.0, not_shipped = 0.0, ambiguous = 0.0;
	bool *unplaced = scout_calloc(p->len ? p->len : 1, sizeof(*unplaced));
	scout_profile_placement *out = &scan->profile;
	placement pl = {0};
	matcher mt;

	matcher_init(&mt, scan);
	scout_profile_placement_clear(out);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t e = 0; e < p->len; e++) {
			double t = p->entries[e].self;

			if (pass == 1 && (!unplaced[e] || mt.ncheckouts == 0))
				continue;
			place(&mt, p->entries[e].file, pass == 1, &pl);
			unplaced[e] = pl.module == SCOUT_NO_MODULE && pl.ntied == 0;
			if (pl.ntied > 1) {
				ambiguous += t;
				add_tie(out, scan, p->entries[e].file,
				        p->total > 0 ? t / p->total : 0, &pl);
			} else if (pl.module != SCOUT_NO_MODULE &&
			           scan->modules[pl.module].shipped) {
				self[pl.module] += t;
				shipped += t;
			} else if (pl.module != SCOUT_NO_MODULE) {
				not_shipped += t;
			}
		}
	}
	for (size_t i = 0; i < scan->nmodules; i++) {
		scan->modules[i].hotness = shipped > 0 ? round(self[i] / shipped * 1e6) / 1e6 : 0.0;
		scan->modules[i].has_hotness = true;
	}
	if (out->nties > 1)
		qsort(out->ties, out->nties, sizeof(*out->ties), compare_ties);
	if (p->total > 0) {
		out->shipped = round4(shipped / p->total);
		out->not_shipped = round4(not_shipped / p->total);
		out->ambiguous = round4(ambiguous / p->total);
		out->outside = round4(1.0 - (shipped + not_shipped + ambiguous) / p->total);
	}
	free(scan->hotness_source);
	scan->hotness_source = scout_asprintf("profile:%s", name);
	free(pl.tied);
	free(unplaced);
	free(self);
	matcher_free(&mt);
}
