/* Discovery: the paths given on the command line become the sorted list of
 * Python files to scan. Directories inside a git work tree are listed by git
 * (discover_git.c); others by a filesystem walk that skips virtualenvs and
 * build directories and never follows directory symlinks. */
#include "discover_internal.h"

#include "scout/pathglob.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "scout/gitutil.h"
#include "scout/path.h"

void scout_file_list_free(scout_file_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->len; i++) {
		free(list->files[i].rel);
		free(list->files[i].fs);
		free(list->files[i].module);
		free(list->files[i].blob);
	}
	free(list->files);
	memset(list, 0, sizeof(*list));
}

/* --- exclusion ------------------------------------------------------------ */

bool scout_discover_excluded(const char *rel, const char *const *globs, size_t nglobs)
{
	return nglobs && scout_gitignore_any(globs, nglobs, rel);
}

bool scout_discover_ctx_excluded(scout_discover_ctx *ctx, const char *rel)
{
	bool hit = false;

	if (!ctx->exclude_hits)
		return scout_discover_excluded(rel, ctx->excludes, ctx->nexcludes);
	for (size_t i = 0; i < ctx->nexcludes; i++) { /* the last that matches decides */
		bool negate = ctx->excludes[i][0] == '!';

		if (scout_gitignore_match(ctx->excludes[i] + negate, rel)) {
			hit = !negate;
			ctx->exclude_hits[i]++;
		}
	}
	return hit;
}

/* --- module names --------------------------------------------------------- */

/* True when a directory name can name a package: an identifier (ASCII
 * letters, digits, '_' or any non-ASCII byte) not starting with a digit. */
static bool is_package_name(const char *s, size_t n)
{
	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c >= 0x80))
			return false;
	}
	return true;
}

/* The length of path[0..end) without its trailing slashes. */
static size_t trim_slashes(const char *path, size_t end)
{
	while (end > 0 && path[end - 1] == '/')
		end--;
	return end;
}

/* Where the last component of path[0..end) starts. */
static size_t last_component(const char *path, size_t end)
{
	while (end > 0 && path[end - 1] != '/')
		end--;
	return end;
}

static bool has_init(const char *path, size_t dir_len)
{
	char *init = scout_asprintf("%.*s/__init__.py", (int)dir_len, path);
	bool found = access(init, F_OK) == 0;

	free(init);
	return found;
}

/* The name is fs_path[first..last): the outermost package directory to the
 * file's stem (or, for __init__.py, to its directory), '/' read as '.'. */
char *scout_discover_module_name(const char *fs_path)
{
	size_t last = trim_slashes(fs_path, strlen(fs_path));
	size_t first = last_component(fs_path, last), dir_end = trim_slashes(fs_path, first);
	scout_buf name = {0};
	bool init;

	if (last - first > 3 && memcmp(fs_path + last - 3, ".py", 3) == 0)
		last -= 3;
	init = last - first == 8 && memcmp(fs_path + first, "__init__", 8) == 0;
	while (dir_end > 0) {
		size_t start = last_component(fs_path, dir_end);

		if (!is_package_name(fs_path + start, dir_end - start) ||
		    !has_init(fs_path, dir_end))
			break;
		if (init) { /* __init__.py names its package */
			last = dir_end;
			init = false;
		}
		first = start;
		dir_end = trim_slashes(fs_path, start);
	}
	for (size_t i = first; i < last; i++) {
		if (fs_path[i] != '/')
			scout_buf_putc(&name, fs_path[i]);
		else if (fs_path[i - 1] != '/')
			scout_buf_putc(&name, '.');
	}
	return scout_buf_detach(&name);
}

/* --- files ---------------------------------------------------------------- */

char *scout_discover_join(const char *dir, const char *name)
{
	if (!dir[0])
		return scout_strdup(name);
	if (scout_str_endswith(dir, "/"))
		return scout_asprintf("%s%s", dir, name);
	return scout_asprintf("%s/%s", dir, name);
}

bool scout_discover_is_python(const char *name)
{
	return strlen(name) > 3 && scout_str_endswith(name, ".py");
}

bool scout_discover_skip_dir(const char *name, const char *fs)
{
	static const char *const names[] = {".git", "__pycache__", "build",       "dist",
	                                    ".tox", ".nox",        "node_modules"};
	char *cfg;
	bool venv;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	if (scout_str_endswith(name, ".egg-info"))
		return true;
	cfg = scout_discover_join(fs, "pyvenv.cfg");
	venv = access(cfg, F_OK) == 0;
	free(cfg);
	return venv;
}

static void add_file(scout_discover_ctx *ctx, const char *rel, const char *fs)
{
	scout_file f = {
	    .rel = scout_strdup(rel),
	    .fs = scout_strdup(fs),
	    .module = scout_discover_module_name(fs),
	};

	SCOUT_PUSH(ctx->out->files, ctx->out->len, ctx->out->cap, f);
}

/* True when fs is a symlink whose target lies outside ctx->top (a dangling
 * one is not: the loader reports it). */
static bool links_outside(const scout_discover_ctx *ctx, const char *fs)
{
	struct stat st;
	char *real;
	bool outside;

	if (!ctx->top || lstat(fs, &st) < 0 || !S_ISLNK(st.st_mode) || !(real = realpath(fs, NULL)))
		return false;
	outside = !scout_path_inside(real, ctx->top, NULL);
	free(real);
	return outside;
}

void scout_discover_file(scout_discover_ctx *ctx, const char *rel, const char *fs)
{
	struct stat st;

	if (links_outside(ctx, fs)) {
		scout_scan_add_diag(ctx->scan, rel, SCOUT_DIAG_SKIPPED, 0,
		                    "symlink to a file outside the scanned tree not followed");
		return;
	}
	if (stat(fs, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return;
		if (!S_ISREG(st.st_mode)) {
			scout_scan_add_diag(ctx->scan, rel, SCOUT_DIAG_SKIPPED, 0,
			                    "not a regular file");
			return;
		}
	} else if (lstat(fs, &st) < 0 && (errno == ENOENT || errno == ENOTDIR)) {
		return; /* gone since it was listed */
	}
	add_file(ctx, rel, fs);
}

/* --- the filesystem walk -------------------------------------------------- */

typedef struct pending_dir {
	char *rel; /* owned; "" for the root of the walk */
	char *fs;  /* owned; "" for the current directory */
} pending_dir;

typedef struct dir_stack {
	pending_dir *items;
	size_t len, cap;
} dir_stack;

static int compare_names(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The entries of directory fs, sorted (owned, free with free_names).
 * Returns -1 with errno set when it cannot be opened. */
static int read_names(char ***names, size_t *n, const char *fs)
{
	DIR *dir = opendir(fs[0] ? fs : ".");
	struct dirent *e;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (!dir)
		return -1;
	while ((e = readdir(dir)) != NULL) {
		char *copy;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		copy = scout_strdup(e->d_name);
		SCOUT_PUSH(*names, *n, cap, copy);
	}
	closedir(dir);
	if (*n) /* an empty directory has no array: qsort(NULL, 0) is undefined */
		qsort(*names, *n, sizeof(**names), compare_names);
	return 0;
}

/* Looks at one directory entry: queues a directory to walk, lists a Python
 * file. Returns 0, or the errno of a failed lstat. */
static int visit(scout_discover_ctx *ctx, dir_stack *stack, const pending_dir *dir,
                 const char *name)
{
	char *rel = scout_discover_join(dir->rel, name), *fs = scout_discover_join(dir->fs, name);
	struct stat st;
	int error = 0;

	if (lstat(fs, &st) < 0) {
		error = errno;
		goto cleanup;
	}
	if (scout_discover_ctx_excluded(ctx, rel))
		goto cleanup;
	if (S_ISDIR(st.st_mode)) {
		if (!scout_discover_skip_dir(name, fs)) {
			pending_dir child = {rel, fs};

			SCOUT_PUSH(stack->items, stack->len, stack->cap, child);
			rel = fs = NULL;
		}
	} else if (S_ISLNK(st.st_mode) && stat(fs, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!scout_discover_skip_dir(name, fs))
			scout_scan_add_diag(ctx->scan, rel, SCOUT_DIAG_SKIPPED, 0,
			                    "directory symlink not followed");
	} else if (scout_discover_is_python(name)) {
		scout_discover_file(ctx, rel, fs);
	}
cleanup:
	free(rel);
	free(fs);
	return error;
}

static void unreadable_dir(scout_discover_ctx *ctx, const pending_dir *dir, int error)
{
	char *message = scout_asprintf("cannot open directory: %s", strerror(error));

	scout_scan_add_diag(ctx->scan, dir->rel[0] ? dir->rel : ".", SCOUT_DIAG_UNREADABLE, 0,
	                    message);
	free(message);
}

static void walk_one(scout_discover_ctx *ctx, dir_stack *stack, const pending_dir *dir)
{
	char **names;
	size_t n;

	if (read_names(&names, &n, dir->fs) < 0) {
		unreadable_dir(ctx, dir, errno);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		int error = visit(ctx, stack, dir, names[i]);

		if (error == EACCES) { /* readable but not searchable */
			unreadable_dir(ctx, dir, error);
			break;
		}
	}
	free_names(names, n);
}

/* Walks the tree at fs with an explicit stack: depth costs heap, not C stack.
 * Directory symlinks are never entered, so the walk ends. */
static void walk_tree(scout_discover_ctx *ctx, const char *rel, const char *fs)
{
	dir_stack stack = {0};
	pending_dir root = {scout_strdup(rel), scout_strdup(fs)};

	SCOUT_PUSH(stack.items, stack.len, stack.cap, root);
	while (stack.len > 0) {
		pending_dir dir = stack.items[--stack.len];

		walk_one(ctx, &stack, &dir);
		free(dir.rel);
		free(dir.fs);
	}
	free(stack.items);
}

/* --- the paths given ------------------------------------------------------ */

/* path without "." and empty components: "./a//b/" -> "a/b", "." -> "",
 * "/x/./y" -> "/x/y" (owned by caller, free with free()). */
static char *normalise(const char *path)
{
	scout_buf b = {0};
	const char *p = path;

	if (*p == '/')
		scout_buf_putc(&b, '/');
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n > 0 && !(n == 1 && p[0] == '.')) {
			if (b.len > 0 && b.data[b.len - 1] != '/')
				scout_buf_putc(&b, '/');
			scout_buf_put(&b, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
	return scout_buf_detach(&b);
}

/* The directory to open: "" for the current directory, else the path as
 * given without trailing slashes (owned by caller, free with free()). */
static char *dir_fs(const char *path, const char *normalised)
{
	size_t n = strlen(path);

	if (!normalised[0])
		return scout_strdup("");
	while (n > 1 && path[n - 1] == '/')
		n--;
	return scout_strndup(path, n);
}

/* A file named on the command line: scanned even inside a skipped directory,
 * unless --exclude matches it. */
static void explicit_file(scout_discover_ctx *ctx, const char *rel, const char *fs,
                          const struct stat *st)
{
	const char *base = strrchr(rel, '/');

	if (scout_discover_ctx_excluded(ctx, rel))
		return;
	if (!scout_discover_is_python(base ? base + 1 : rel))
		scout_scan_add_diag(ctx->scan, rel, SCOUT_DIAG_SKIPPED, 0, "not a .py file");
	else if (!S_ISREG(st->st_mode))
		scout_scan_add_diag(ctx->scan, rel, SCOUT_DIAG_SKIPPED, 0, "not a regular file");
	else
		add_file(ctx, rel, fs);
}

/* The path given as reports show it: relative to the project root when there
 * is one and path lies inside it; else relative to the one directory given
 * (single), else to the current directory. Owned. */
static char *report_path(const char *path, const char *root, bool single)
{
	char *rel = root ? scout_discover_relative(path, root) : NULL;

	if (rel)
		return rel;
	rel = normalise(path);
	if (single && !root)
		rel[0] = '\0';
	return rel;
}

/* True when the directory is a bare git repository: no work tree to scan,
 * only commits (--rev). */
static bool bare_repository(const char *dir)
{
	git_repository *repo = NULL;
	bool bare = git_repository_open_ext(&repo, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0 &&
	            git_repository_is_bare(repo);

	git_repository_free(repo);
	return bare;
}

/* Discovers one path given, reported relative to the root (report_path). */
static int discover_path(scout_discover_ctx *ctx, const char *path, const char *root, bool single)
{
	char *rel = NULL, *fs = NULL;
	struct stat st;

	if (stat(path, &st) < 0) {
		int error = errno;

		scout_error_set("cannot scan '%s': %s", path, strerror(error));
		return error == ENOENT || error == ENOTDIR ? SCOUT_ENOTFOUND : SCOUT_ERROR;
	}
	if (S_ISDIR(st.st_mode) && bare_repository(path)) {
		scout_error_set("cannot scan '%s': a bare git repository has no work tree (scan a "
		                "commit with --rev, e.g. --rev HEAD)",
		                path);
		return SCOUT_ERROR;
	}
	rel = normalise(path);
	if (!S_ISDIR(st.st_mode)) {
		char *shown = report_path(path, root, false);

		explicit_file(ctx, shown, path, &st);
		free(shown);
		goto cleanup;
	}
	fs = dir_fs(path, rel);
	free(rel);
	rel = report_path(path, root, single);
	ctx->top = realpath(path, NULL);
	if (scout_discover_git(ctx, rel, fs) == 0)
		ctx->used_git = true;
	else
		walk_tree(ctx, rel, fs);
	free(ctx->top);
	ctx->top = NULL;
cleanup:
	free(rel);
	free(fs);
	return 0;
}

/* --- the result ----------------------------------------------------------- */

/* By rel; among duplicates (overlapping paths) by fs, so the one kept is
 * always the same. */
static int compare_files(const void *pa, const void *pb)
{
	const scout_file *a = pa, *b = pb;
	int c = strcmp(a->rel, b->rel);

	return c ? c : strcmp(a->fs, b->fs);
}

/* Sorts by rel and drops the duplicates that overlapping paths produce. */
static void sort_files(scout_file_list *list)
{
	size_t kept = 0;

	if (list->len == 0)
		return;
	qsort(list->files, list->len, sizeof(*list->files), compare_files);
	for (size_t i = 1; i < list->len; i++) {
		scout_file *f = &list->files[i];

		if (strcmp(f->rel, list->files[kept].rel) == 0) {
			free(f->rel);
			free(f->fs);
			free(f->module);
			free(f->blob);
		} else {
			list->files[++kept] = *f;
		}
	}
	list->len = kept + 1;
}

/* Drops duplicate diagnostics among scan->diags[first..]. */
static void dedup_diags(scout_scan *scan, size_t first)
{
	scout_diagnostic *d = scan->diags + first;
	size_t n = scan->ndiags - first, kept = 0;

	if (n < 2)
		return;
	qsort(d, n, sizeof(*d), scout_diag_compare);
	for (size_t i = 1; i < n; i++) {
		if (scout_diag_compare(&d[i], &d[kept]) == 0)
			scout_diag_clear(&d[i]);
		else
			d[++kept] = d[i];
	}
	scan->ndiags = first + kept + 1;
}

/* root's path inside the git work tree holding it: "" at its top or outside
 * git, else "dir/sub/" (owned). */
static char *repo_prefix(const char *root)
{
	git_repository *repo = NULL;
	char *prefix;

	if (git_repository_open_ext(&repo, root, 0, NULL) < 0 || git_repository_is_bare(repo))
		prefix = scout_strdup("");
	else
		prefix = scout_git_prefix(repo, root);
	git_repository_free(repo);
	return prefix;
}

/* Where the working directory stands relative to the root, for paths a
 * person clicks on (reports name files relative to the root). */
static void set_local(scout_scan *scan)
{
	char *in = scout_discover_relative(".", scan->root);

	free(scan->from_cwd);
	free(scan->cwd_in_root);
	scan->from_cwd = strcmp(scan->root, ".") == 0 || !scan->root[0]
	                     ? scout_strdup("")
	                     : scout_asprintf("%s/", scan->root);
	scan->cwd_in_root = in && in[0] ? scout_asprintf("%s/", in) : scout_strdup("");
	free(in);
}

/* The root the report's paths are relative to, when no project root was
 * found: one directory scanned is its own; files, or several paths, are
 * named from the working directory. */
static const char *root_of(const scout_discover_opts *opts, const char *const *paths, size_t npaths)
{
	struct stat st;

	if (opts->root)
		return opts->root;
	return npaths == 1 && stat(paths[0], &st) == 0 && S_ISDIR(st.st_mode) ? paths[0] : ".";
}

int scout_discover(scout_file_list *out, scout_scan *scan, const scout_discover_opts *opts)
{
	static const char *const here[] = {"."};
	const char *const *paths = opts->npaths ? opts->paths : here;
	size_t npaths = opts->npaths ? opts->npaths : 1;
	scout_discover_ctx ctx = {
	    out, scan, opts->excludes, opts->nexcludes, false, opts->exclude_hits, NULL};
	size_t first_diag = scan->ndiags;
	int error = 0;

	memset(out, 0, sizeof(*out));
	git_libgit2_init();
	if (opts->rev) {
		error = scout_discover_rev(&ctx,
		                           opts->root    ? opts->root
		                           : npaths == 1 ? paths[0]
		                                         : ".",
		                           paths, npaths, opts->rev);
		if (error == 0)
			sort_files(out);
		goto cleanup;
	}
	for (size_t i = 0; i < npaths; i++)
		if ((error = discover_path(&ctx, paths[i], opts->root, npaths == 1)) < 0)
			goto cleanup;
	sort_files(out);
	dedup_diags(scan, first_diag);
	free(scan->root);
	scan->root = scout_strdup(root_of(opts, paths, npaths));
	free(scan->source);
	scan->source = scout_strdup(ctx.used_git ? "worktree" : "files");
	free(scan->repo_prefix);
	scan->repo_prefix = repo_prefix(scan->root);
	set_local(scan);
cleanup:
	if (error < 0)
		scout_file_list_free(out);
	git_libgit2_shutdown();
	return error;
}
