/* Reading the current compile set from every build file that configures
 * mypyc: setup.py's mypycify calls (setup_eval.h) and pyproject.toml's
 * hatch-mypyc hook (hatch_mypyc.h), at the root and in sub-projects. */
#include "scout/compile_set.h"

#include <stdlib.h>
#include <string.h>

#include "scout/build_files.h"
#include "scout/hatch_mypyc.h"
#include "scout/setup_eval.h"
#include "scout/source.h"
#include "scout/toml.h"

/* A mypycify path names the module's file, or a directory above it. */
static bool path_covers(const char *entry, const char *path)
{
	size_t n = strlen(entry);

	if (strcmp(entry, ".") == 0)
		return true;
	if (strcmp(entry, path) == 0)
		return true;
	return !scout_str_endswith(entry, ".py") && strncmp(entry, path, n) == 0 && path[n] == '/';
}

static char *in_dir(const char *dir, const char *name)
{
	return dir[0] ? scout_asprintf("%s/%s", dir, name) : scout_strdup(name);
}

static scout_compile_origin *new_origin(scout_scan *scan, const char *file, const char *backend,
                                        const char *condition)
{
	scout_compile_origin o = {0};

	o.file = scout_strdup(file);
	o.backend = scout_strdup(backend);
	o.condition = condition ? scout_strdup(condition) : NULL;
	SCOUT_PUSH(scan->compile_origins, scan->ncompile_origins, scan->compile_origins_cap, o);
	return &scan->compile_origins[scan->ncompile_origins - 1];
}

static void unread(scout_scan *scan, const char *file, uint32_t line, const char *reason)
{
	scout_compile_unread u;

	u.file = scout_strdup(file);
	u.line = line;
	u.reason = scout_strdup(reason);
	SCOUT_PUSH(scan->compile_unread, scan->ncompile_unread, scan->compile_unread_cap, u);
}

static void compile_module(scout_compile_origin *o, scout_module *m)
{
	m->compiled_now = true;
	SCOUT_PUSH(o->modules, o->nmodules, o->modules_cap, scout_strdup(m->path));
}

/* The paths of the list that name no scanned module are said, not dropped. */
static void check_paths(scout_scan *scan, const char *file, const scout_setup_list *l)
{
	for (size_t k = 0; k < l->npaths; k++) {
		bool any = false;

		for (size_t i = 0; i < scan->nmodules && !any; i++)
			any = path_covers(l->paths[k], scan->modules[i].path);
		if (!any) {
			char *r = scout_asprintf(
			    "mypycify's list names %s, which the scan does not hold", l->paths[k]);

			unread(scan, file, l->line, r);
			free(r);
		}
	}
}

static void from_setup_py(scout_scan *scan, const char *root, const char *dir)
{
	char *rel = in_dir(dir, "setup.py"), *path = scout_asprintf("%s/%s", root, rel);
	scout_source src;
	scout_load_error err;
	scout_setup_list l;
	scout_compile_origin *o;

	if (scout_source_load_project(&src, path, &err) < 0)
		goto cleanup;
	if (!strstr(src.data, "mypycify")) {
		scout_source_free(&src);
		goto cleanup;
	}
	scout_setup_eval(&l, root, rel, src.data, src.len);
	scout_source_free(&src);
	if (l.line) {
		o = new_origin(scan, rel, "mypycify", l.condition);
		for (size_t k = 0; k < l.nmypy_args; k++)
			SCOUT_PUSH(o->mypy_args, o->nmypy_args, o->mypy_args_cap,
			           scout_strdup(l.mypy_args[k]));
		for (size_t i = 0; i < scan->nmodules; i++)
			for (size_t k = 0; k < l.npaths; k++)
				if (path_covers(l.paths[k], scan->modules[i].path)) {
					compile_module(o, &scan->modules[i]);
					break;
				}
		for (size_t i = 0; i < scan->nmodules; i++)
			for (size_t k = 0; k < l.nexcluded && !scan->modules[i].compiled_now; k++)
				if (path_covers(l.excluded[k], scan->modules[i].path))
					scan->modules[i].excluded_by =
					    (uint32_t)scan->ncompile_origins;
		for (size_t k = 0; k < l.nunread; k++)
			unread(scan, rel, l.unread[k].line, l.unread[k].reason);
		check_paths(scan, rel, &l);
	}
	scout_setup_list_free(&l);
cleanup:
	free(path);
	free(rel);
}

static void from_hatch(scout_scan *scan, const char *root, const char *dir)
{
	char *rel = in_dir(dir, "pyproject.toml"), *path = scout_asprintf("%s/%s", root, rel);
	size_t dlen = strlen(dir);
	scout_hatch_mypyc h;
	scout_compile_origin *o;
	scout_toml t;

	if (scout_toml_load(&t, path) < 0)
		goto cleanup;
	scout_hatch_mypyc_read(&h, &t);
	scout_toml_free(&t);
	if (h.configured) {
		o = new_origin(scan, rel, "hatch-mypyc", scout_hatch_mypyc_condition(&h));
		for (size_t k = 0; k < h.nmypy_args; k++)
			SCOUT_PUSH(o->mypy_args, o->nmypy_args, o->mypy_args_cap,
			           scout_strdup(h.mypy_args[k]));
		/* hatch-mypyc compiles from the files the wheel holds */
		for (size_t i = 0; i < scan->nmodules; i++) {
			scout_module *m = &scan->modules[i];
			const char *p = m->path;

			if (dlen && (strncmp(p, dir, dlen) != 0 || p[dlen] != '/'))
				continue;
			if (m->shipped && scout_hatch_mypyc_compiles(&h, dlen ? p + dlen + 1 : p))
				compile_module(o, m);
			else if (m->shipped &&
			         scout_hatch_mypyc_excludes(&h, dlen ? p + dlen + 1 : p))
				m->excluded_by = (uint32_t)scan->ncompile_origins;
		}
	}
	scout_hatch_mypyc_free(&h);
cleanup:
	free(path);
	free(rel);
}

static void reset(scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		scan->modules[i].compiled_now = false;
		scan->modules[i].excluded_by = 0;
	}
	for (size_t i = 0; i < scan->ncompile_origins; i++)
		scout_compile_origin_clear(&scan->compile_origins[i]);
	for (size_t i = 0; i < scan->ncompile_unread; i++)
		scout_compile_unread_clear(&scan->compile_unread[i]);
	scan->ncompile_origins = scan->ncompile_unread = 0;
	free(scan->compile_source);
	scan->compile_source = NULL;
}

void scout_compile_set_read(scout_scan *scan, const char *dir)
{
	char **dirs;
	size_t ndirs;
	scout_buf source = {0};

	reset(scan);
	scout_build_dirs(scan, &dirs, &ndirs);
	for (size_t i = 0; i < ndirs; i++) {
		from_setup_py(scan, dir, dirs[i]);
		from_hatch(scan, dir, dirs[i]);
		free(dirs[i]);
	}
	free(dirs);
	for (size_t i = 0; i < scan->ncompile_origins; i++)
		scout_buf_printf(&source, "%s%s %s", i ? ", " : "", scan->compile_origins[i].file,
		                 scan->compile_origins[i].backend);
	if (source.len)
		scan->compile_source = scout_buf_detach(&source);
	scout_buf_free(&source);
}
