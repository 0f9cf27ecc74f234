/* Reading the current compile set from setup.py's mypycify list and
 * pyproject.toml's hatch-mypyc include/exclude. */
#include "scout/compile_set.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "scout/setup_py.h"
#include "scout/source.h"
#include "scout/toml.h"

/* A mypycify entry names the module's file, or a directory above it;
 * "--options" are mypy flags. */
static bool entry_covers(const char *entry, const char *path)
{
	size_t n;

	if (scout_str_startswith(entry, "--"))
		return false;
	while (scout_str_startswith(entry, "./"))
		entry += 2;
	if (strcmp(entry, path) == 0)
		return true;
	n = strlen(entry);
	while (n && entry[n - 1] == '/')
		n--;
	return n && strncmp(entry, path, n) == 0 && path[n] == '/' &&
	       !scout_str_endswith(entry, ".py");
}

static bool from_setup_py(scout_scan *scan, const char *dir)
{
	char *path = scout_asprintf("%s/setup.py", dir);
	scout_source src;
	scout_load_error err;
	scout_setup_py setup;
	size_t n;

	if (scout_source_load(&src, path, &err) < 0) {
		free(path);
		return false;
	}
	free(path);
	scout_setup_py_parse(&setup, src.data, src.len);
	scout_source_free(&src);
	n = setup.nentries;
	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t k = 0; k < n && !scan->modules[i].compiled_now; k++)
			scan->modules[i].compiled_now =
			    entry_covers(setup.entries[k], scan->modules[i].path);
	scout_setup_py_free(&setup);
	if (n)
		scan->compile_source = scout_strdup("setup.py mypycify");
	return n > 0;
}

static bool glob_any(const scout_toml *t, const char *key, const char *path, bool *present)
{
	bool hit = false;

	for (size_t i = 0; i < t->len; i++) {
		if (strcmp(t->values[i].key, key) != 0)
			continue;
		*present = true;
		hit = hit || fnmatch(t->values[i].text, path, 0) == 0 ||
		      entry_covers(t->values[i].text, path);
	}
	return hit;
}

static bool from_hatch(scout_scan *scan, const char *dir)
{
	static const char *const sections[] = {"tool.hatch.build.targets.wheel.hooks.mypyc",
	                                       "tool.hatch.build.hooks.mypyc"};
	char *path = scout_asprintf("%s/pyproject.toml", dir);
	scout_toml t;
	bool configured = false;

	if (scout_toml_load(&t, path) < 0) {
		free(path);
		return false;
	}
	free(path);
	for (size_t s = 0; s < 2 && !configured; s++) {
		size_t n = strlen(sections[s]);
		char *inc = scout_asprintf("%s.include", sections[s]);
		char *exc = scout_asprintf("%s.exclude", sections[s]);

		for (size_t i = 0; i < t.len && !configured; i++)
			configured = strncmp(t.values[i].key, sections[s], n) == 0 &&
			             t.values[i].key[n] == '.';
		for (size_t i = 0; configured && i < scan->nmodules; i++) {
			bool has_include = false, has_exclude = false;
			bool in = glob_any(&t, inc, scan->modules[i].path, &has_include);
			bool out = glob_any(&t, exc, scan->modules[i].path, &has_exclude);

			/* without include, hatch-mypyc compiles every module the wheel
			 * holds (test code is not taken to be in the wheel) */
			scan->modules[i].compiled_now =
			    (in || (!has_include && scan->modules[i].shipped)) && !out;
		}
		free(inc);
		free(exc);
	}
	scout_toml_free(&t);
	if (configured)
		scan->compile_source = scout_strdup("pyproject.toml hatch-mypyc");
	return configured;
}

void scout_compile_set_read(scout_scan *scan, const char *dir)
{
	if (!from_setup_py(scan, dir))
		from_hatch(scan, dir);
}
