/* The project root: the directory whose packaging files and configuration
 * own the paths scanned, found as mypy and ruff find their configuration,
 * and the paths given expressed relative to it. Paths are handled lexically
 * (".." removes a component), as the user typed them: a symlinked directory's
 * parent is the directory that holds the link. */
#include "scout/discover.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What makes a directory a project root, and what ends the walk up. */
static const char *const markers[] = {"pyproject.toml", "setup.py", "setup.cfg", "mypy.ini",
                                      ".mypy.ini"};
static const char *const tops[] = {".git", ".hg"};

/* Appends path's components to b ('/'-separated, no trailing '/'), resolving
 * "." and ".." lexically; b holds an absolute path ("/" at least). */
static void push_components(scout_buf *b, const char *path)
{
	const char *p = path;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (b->len > 1 && b->data[b->len - 1] != '/')
				b->len--;
			if (b->len > 1)
				b->len--;
			b->data[b->len] = '\0';
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			if (b->len > 1)
				scout_buf_putc(b, '/');
			scout_buf_put(b, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
}

/* The absolute, lexically normal form of path (owned), NULL when the
 * current directory is unknown. */
static char *absolute(const char *path)
{
	scout_buf b = {0};

	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);

		if (!cwd)
			return NULL;
		scout_buf_puts(&b, "/");
		push_components(&b, cwd);
		free(cwd);
	} else {
		scout_buf_puts(&b, "/");
	}
	push_components(&b, path);
	return scout_buf_detach(&b);
}

/* True when below is dir or inside it; *rest then points past dir's '/'. */
static bool inside(const char *below, const char *dir, const char **rest)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0) {
		*rest = below + 1;
		return true;
	}
	if (strncmp(below, dir, n) != 0 || (below[n] && below[n] != '/'))
		return false;
	*rest = below[n] ? below + n + 1 : below + n;
	return true;
}

static bool has_entry(const char *dir, const char *name)
{
	char *path = scout_asprintf("%s/%s", strcmp(dir, "/") ? dir : "", name);
	struct stat st;
	bool found = lstat(path, &st) == 0;

	free(path);
	return found;
}

static bool has_any(const char *dir, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (has_entry(dir, names[i]))
			return true;
	return false;
}

/* dir without its last component, in place; false at "/". */
static bool up(char *dir)
{
	char *slash = strrchr(dir, '/');

	if (strcmp(dir, "/") == 0 || !slash)
		return false;
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return true;
}

/* The directory the walk starts from: the one path's directory (a file's
 * parent), or the deepest directory holding all of them. Owned. */
static char *start_dir(const char *const *paths, size_t npaths)
{
	char *common = NULL;

	for (size_t i = 0; i < npaths; i++) {
		char *abs = absolute(paths[i]);
		struct stat st;
		const char *rest;

		if (!abs) {
			free(common);
			return NULL;
		}
		if (stat(abs, &st) == 0 && !S_ISDIR(st.st_mode))
			up(abs);
		if (!common) {
			common = abs;
			continue;
		}
		while (!inside(abs, common, &rest))
			up(common);
		free(abs);
	}
	return common;
}

/* dir as a path from the current directory: "." for it, relative below or
 * above it, else absolute. Owned. */
static char *from_cwd(const char *dir)
{
	char *cwd = absolute("."), *out;
	const char *rest;
	scout_buf b = {0};

	if (!cwd)
		return scout_strdup(dir);
	if (inside(dir, cwd, &rest)) {
		out = scout_strdup(rest[0] ? rest : ".");
	} else if (inside(cwd, dir, &rest)) {
		for (const char *p = rest; *p; p++)
			if (p == rest || p[-1] == '/')
				scout_buf_puts(&b, b.len ? "/.." : "..");
		out = scout_buf_detach(&b);
	} else {
		out = scout_strdup(dir);
	}
	free(cwd);
	return out;
}

char *scout_discover_project_root(const char *const *paths, size_t npaths)
{
	static const char *const here[] = {"."};
	char *dir = start_dir(npaths ? paths : here, npaths ? npaths : 1), *out = NULL;

	if (!dir)
		return NULL;
	do {
		if (has_any(dir, markers, sizeof(markers) / sizeof(*markers))) {
			out = from_cwd(dir);
			break;
		}
	} while (!has_any(dir, tops, sizeof(tops) / sizeof(*tops)) && up(dir));
	free(dir);
	return out;
}

char *scout_discover_relative(const char *path, const char *root)
{
	char *abs = absolute(path), *base = absolute(root), *out = NULL;
	const char *rest;

	if (abs && base && inside(abs, base, &rest))
		out = scout_strdup(rest);
	free(abs);
	free(base);
	return out;
}
