/* The project root: the directory whose packaging files and configuration
 * own the paths scanned, found as mypy and ruff find their configuration,
 * and the paths given expressed relative to it. Paths are handled lexically
 * (".." removes a component), as the user typed them: a symlinked directory's
 * parent is the directory that holds the link. Under --rev the markers are
 * looked for in the commit (scout_fs_kind_of) and the walk ends at its top. */
#include "scout/discover.h"

#include <stdlib.h>
#include <string.h>

#include "scout/fs.h"
#include "scout/path.h"

/* What makes a directory a project root, and what ends the walk up. */
static const char *const markers[] = {"pyproject.toml", "setup.py", "setup.cfg", "mypy.ini",
                                      ".mypy.ini"};
static const char *const tops[] = {".git", ".hg"};

static bool has_entry(const char *dir, const char *name)
{
	char *path = scout_asprintf("%s/%s", strcmp(dir, "/") ? dir : "", name);
	bool found = scout_fs_kind_of(path, false) != SCOUT_FS_KIND_ABSENT;

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
		char *abs = scout_path_absolute(paths[i]);
		scout_fs_kind kind;
		const char *rest;

		if (!abs) {
			free(common);
			return NULL;
		}
		kind = scout_fs_kind_of(abs, true);
		if (kind != SCOUT_FS_KIND_ABSENT && kind != SCOUT_FS_KIND_DIR)
			up(abs);
		if (!common) {
			common = abs;
			continue;
		}
		while (!scout_path_inside(abs, common, &rest))
			up(common);
		free(abs);
	}
	return common;
}

/* dir as a path from the current directory: "." for it, relative below or
 * above it, else absolute. Owned. */
static char *from_cwd(const char *dir)
{
	char *cwd = scout_path_absolute("."), *out;
	const char *rest;
	scout_buf b = {0};

	if (!cwd)
		return scout_strdup(dir);
	if (scout_path_inside(dir, cwd, &rest)) {
		out = scout_strdup(rest[0] ? rest : ".");
	} else if (scout_path_inside(cwd, dir, &rest)) {
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
	} while (!has_any(dir, tops, sizeof(tops) / sizeof(*tops)) && !scout_fs_mount_top(dir) &&
	         up(dir));
	free(dir);
	return out;
}

char *scout_discover_relative(const char *path, const char *root)
{
	char *abs = scout_path_absolute(path), *base = scout_path_absolute(root), *out = NULL;
	const char *rest;

	if (abs && base && scout_path_inside(abs, base, &rest))
		out = scout_strdup(rest);
	free(abs);
	free(base);
	return out;
}
