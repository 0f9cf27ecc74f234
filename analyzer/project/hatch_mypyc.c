/* hatch-mypyc's configuration and the files it compiles. */
#include "scout/hatch_mypyc.h"

#include <stdlib.h>
#include <string.h>

#include "scout/pathglob.h"

static const char *const sections[] = {"tool.hatch.build.targets.wheel.hooks.mypyc",
                                       "tool.hatch.build.hooks.mypyc"};

static const char *const wheel_sections[] = {"tool.hatch.build.targets.wheel", "tool.hatch.build"};

static bool in_section(const char *key, const char *section)
{
	size_t n = strlen(section);

	return strncmp(key, section, n) == 0 && key[n] == '.';
}

/* Appends the strings of array `name` of the section to *list. */
static void read_list(const scout_toml *t, const char *section, const char *name, char ***list,
                      size_t *n, size_t *cap)
{
	char *key = scout_asprintf("%s.%s", section, name);

	for (size_t i = 0; i < t->len; i++)
		if (strcmp(t->values[i].key, key) == 0 && t->values[i].type == SCOUT_TOML_STRING &&
		    t->values[i].text[0])
			SCOUT_PUSH(*list, *n, *cap, scout_strdup(t->values[i].text));
	free(key);
}

void scout_hatch_mypyc_read(scout_hatch_mypyc *out, const scout_toml *t)
{
	memset(out, 0, sizeof(*out));
	out->enable_by_default = true;
	for (size_t s = 0; s < 2 && !out->configured; s++)
		for (size_t i = 0; i < t->len && !out->configured; i++)
			if (in_section(t->values[i].key, sections[s]))
				out->section = sections[s];
	if (!out->section)
		return;
	out->configured = true;
	read_list(t, out->section, "include", &out->include, &out->ninclude, &out->include_cap);
	read_list(t, out->section, "exclude", &out->exclude, &out->nexclude, &out->exclude_cap);
	read_list(t, out->section, "mypy-args", &out->mypy_args, &out->nmypy_args,
	          &out->mypy_args_cap);
	for (size_t s = 0; s < 2 && !out->nwheel_only; s++) {
		read_list(t, wheel_sections[s], "only-include", &out->wheel_only, &out->nwheel_only,
		          &out->wheel_only_cap);
		read_list(t, wheel_sections[s], "packages", &out->wheel_only, &out->nwheel_only,
		          &out->wheel_only_cap);
	}
	for (size_t s = 0; s < 2; s++)
		read_list(t, wheel_sections[s], "exclude", &out->wheel_exclude,
		          &out->nwheel_exclude, &out->wheel_exclude_cap);
	{
		char *key = scout_asprintf("%s.enable-by-default", out->section);
		const scout_toml_value *v = scout_toml_get(t, key);

		out->enable_by_default =
		    !v || v->type != SCOUT_TOML_BOOL || strcmp(v->text, "false") != 0;
		free(key);
	}
}

/* Under one of hatch's only-include/packages paths ("src", "/src", "pkg/"). */
static bool in_wheel(const scout_hatch_mypyc *h, const char *path)
{
	if (!h->nwheel_only)
		return true;
	for (size_t i = 0; i < h->nwheel_only; i++) {
		const char *d = h->wheel_only[i];
		size_t n;

		while (*d == '/' || (d[0] == '.' && d[1] == '/'))
			d += *d == '/' ? 1 : 2;
		n = strlen(d);
		while (n && d[n - 1] == '/')
			n--;
		if (n && strncmp(d, path, n) == 0 && (path[n] == '/' || !path[n]))
			return true;
	}
	return false;
}

bool scout_hatch_mypyc_compiles(const scout_hatch_mypyc *h, const char *path)
{
	if (!h->configured || !scout_str_endswith(path, ".py") || !in_wheel(h, path) ||
	    scout_gitignore_any((const char *const *)h->wheel_exclude, h->nwheel_exclude, path))
		return false;
	if (h->ninclude && !scout_gitignore_any((const char *const *)h->include, h->ninclude, path))
		return false;
	return !scout_gitignore_any((const char *const *)h->exclude, h->nexclude, path);
}

bool scout_hatch_mypyc_excludes(const scout_hatch_mypyc *h, const char *path)
{
	if (!h->configured || !scout_str_endswith(path, ".py") || !in_wheel(h, path) ||
	    scout_gitignore_any((const char *const *)h->wheel_exclude, h->nwheel_exclude, path))
		return false;
	if (h->ninclude && !scout_gitignore_any((const char *const *)h->include, h->ninclude, path))
		return false;
	return scout_gitignore_any((const char *const *)h->exclude, h->nexclude, path);
}

const char *scout_hatch_mypyc_condition(const scout_hatch_mypyc *h)
{
	return h->enable_by_default ? NULL
	                            : "HATCH_BUILD_HOOKS_ENABLE=true or "
	                              "HATCH_BUILD_HOOK_ENABLE_MYPYC=true (enable-by-default = "
	                              "false)";
}

static void free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

void scout_hatch_mypyc_free(scout_hatch_mypyc *h)
{
	free_list(h->include, h->ninclude);
	free_list(h->exclude, h->nexclude);
	free_list(h->mypy_args, h->nmypy_args);
	free_list(h->wheel_only, h->nwheel_only);
	free_list(h->wheel_exclude, h->nwheel_exclude);
	memset(h, 0, sizeof(*h));
}
