/* setuptools: which packages and modules go into the wheel, from
 * pyproject.toml [tool.setuptools], setup.cfg [options] and setup.py's
 * setup(...) keywords, resolved as build_py resolves them; automatic
 * discovery when none of them lists any. */
#include <stdlib.h>
#include <string.h>

#include "scope_setuptools.h"

#define TOOL "tool.setuptools."

void scope_spec_free(scope_spec *s)
{
	scope_list *lists[] = {&s->packages,   &s->where,     &s->include,  &s->exclude,
	                       &s->py_modules, &s->dir_names, &s->dir_paths};

	for (size_t i = 0; i < sizeof(lists) / sizeof(*lists); i++)
		scope_list_free(lists[i]);
	memset(s, 0, sizeof(*s));
}

static void pyproject_read(scope_spec *out, const scout_toml *t)
{
	memset(out, 0, sizeof(*out));
	if (scope_toml_has(t, TOOL "packages.find")) {
		const scout_toml_value *ns = scout_toml_get(t, TOOL "packages.find.namespaces");

		out->packages_from = "pyproject.toml [tool.setuptools.packages.find]";
		out->find = true;
		out->finder =
		    ns && !strcmp(ns->text, "false") ? SCOPE_FIND_PACKAGES : SCOPE_FIND_PEP420;
		scope_toml_strings(t, TOOL "packages.find.where", &out->where);
		scope_toml_strings(t, TOOL "packages.find.include", &out->include);
		scope_toml_strings(t, TOOL "packages.find.exclude", &out->exclude);
	} else if (scope_toml_strings(t, TOOL "packages", &out->packages)) {
		out->packages_from = "pyproject.toml [tool.setuptools] packages";
	}
	if (scope_toml_strings(t, TOOL "py-modules", &out->py_modules))
		out->py_modules_from = "pyproject.toml [tool.setuptools] py-modules";
	for (size_t i = 0; i < t->len; i++) {
		const scout_toml_value *v = &t->values[i];

		if (!scout_str_startswith(v->key, TOOL "package-dir.") ||
		    v->type != SCOUT_TOML_STRING)
			continue;
		out->package_dir_from = "pyproject.toml [tool.setuptools] package-dir";
		scope_list_add(&out->dir_names, v->key + strlen(TOOL "package-dir."));
		scope_list_add(&out->dir_paths, v->text);
	}
}

static void take_list(scope_list *to, scope_list *from)
{
	scope_list_free(to);
	*to = *from;
	memset(from, 0, sizeof(*from));
}

/* Takes every option `high` sets over what `low` holds. */
static void merge(scope_spec *low, scope_spec *high)
{
	if (high->packages_from) {
		low->packages_from = high->packages_from;
		low->find = high->find;
		low->finder = high->finder;
		take_list(&low->packages, &high->packages);
		take_list(&low->where, &high->where);
		take_list(&low->include, &high->include);
		take_list(&low->exclude, &high->exclude);
	}
	if (high->py_modules_from) {
		low->py_modules_from = high->py_modules_from;
		take_list(&low->py_modules, &high->py_modules);
	}
	if (high->package_dir_from) {
		low->package_dir_from = high->package_dir_from;
		take_list(&low->dir_names, &high->dir_names);
		take_list(&low->dir_paths, &high->dir_paths);
	}
	low->unreadable = low->unreadable ? low->unreadable : high->unreadable;
	low->ext_modules = low->ext_modules || high->ext_modules;
}

static const char *lookup(const scope_spec *s, const char *name, size_t len)
{
	for (size_t i = 0; i < s->dir_names.n; i++)
		if (strlen(s->dir_names.v[i]) == len && !strncmp(s->dir_names.v[i], name, len))
			return s->dir_paths.v[i];
	return NULL;
}

/* build_py's get_package_dir: the directory package_dir gives the longest
 * leading part of the dotted name, then the rest as directories ("" maps
 * the root). Owned by caller. */
static char *package_path(const scope_spec *s, const char *package)
{
	size_t len = strlen(package);
	const char *dir = NULL, *rest;
	char *joined, *norm;

	while (len && !(dir = lookup(s, package, len)))
		while (len && package[--len] != '.')
			;
	if (!dir)
		dir = lookup(s, "", 0);
	rest = package + len + (package[len] == '.');
	joined = scout_asprintf("%s/%s", dir ? dir : ".", rest);
	for (char *p = joined + strlen(joined) - strlen(rest); *p; p++)
		*p = *p == '.' ? '/' : *p;
	norm = scope_norm(joined);
	free(joined);
	return norm;
}

static size_t mark_listed(scope_ctx *c, const scope_spec *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->packages.n; i++) {
		char *d = package_path(s, s->packages.v[i]);

		n += scope_mark_flat(c, d);
		free(d);
	}
	for (size_t i = 0; i < s->py_modules.n; i++) {
		char *d = package_path(s, s->py_modules.v[i]), *file = scout_asprintf("%s.py", d);

		n += scope_mark_file(c, file);
		free(file);
		free(d);
	}
	return n;
}

static void mark_found(scope_ctx *c, const scope_spec *s)
{
	static char dot[] = ".";
	static char *dots[] = {dot};
	const scope_list here = {dots, 1, 1}, *where = s->where.n ? &s->where : &here;

	for (size_t i = 0; i < where->n; i++)
		scope_find_mark(c, s->finder, where->v[i], &s->include, &s->exclude);
}

/* Decides from the merged options; false when they cannot be read. */
static bool resolve(scope_ctx *c, const scope_spec *s)
{
	const char *from = s->packages_from ? s->packages_from : s->py_modules_from;

	if (s->unreadable) {
		scope_set(&c->why, scout_asprintf("setup.py computes %s, which is not read without "
		                                  "running it",
		                                  s->unreadable));
		return false;
	}
	if (!from && s->ext_modules && !scope_toml_has(c->pyproject, "project.")) {
		scope_set(&c->source, scout_strdup("setuptools: setup.py passes ext_modules and no "
		                                   "packages, so nothing else ships"));
		return true;
	}
	if (!from)
		return scope_discover(c, s);
	if (s->find)
		mark_found(c, s);
	mark_listed(c, s);
	scope_set(&c->source, s->packages_from && s->py_modules_from
	                          ? scout_asprintf("setuptools: %s and %s", s->packages_from,
	                                           s->py_modules_from)
	                          : scout_asprintf("setuptools: %s", from));
	return true;
}

bool scope_setuptools(scope_ctx *c)
{
	scope_spec all, next;
	bool decided;

	scope_setup_cfg_read(&all, c->dir);
	pyproject_read(&next, c->pyproject);
	merge(&all, &next);
	scope_spec_free(&next);
	scope_setup_py_read(&next, c->dir);
	merge(&all, &next);
	scope_spec_free(&next);
	decided = resolve(c, &all);
	scope_spec_free(&all);
	return decided;
}
