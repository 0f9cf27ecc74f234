/* setup.cfg's [options] packages / py_modules / package_dir and
 * [options.packages.find], read as configparser and setuptools read them:
 * a value continues on indented lines; a list is one item a line, else
 * comma-separated; package_dir is "name = dir" lines ("=src"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scope_setuptools.h"
#include "scout/fs.h"

#define FROM "setup.cfg [options]"

/* setuptools' _parse_list: lines when there are several, else commas. */
static void parse_list(scope_list *out, const char *value)
{
	const char *sep = strchr(value, '\n') ? "\n" : ",";
	char *copy = scout_strdup(value), *save = NULL;

	for (char *tok = strtok_r(copy, sep, &save); tok; tok = strtok_r(NULL, sep, &save)) {
		char *item = scout_str_trim(tok);

		if (*item)
			scope_list_add(out, item);
	}
	free(copy);
}

static void apply(scope_spec *s, const char *section, const char *key, const char *value)
{
	scope_list items = {0};

	if (strcmp(section, "options") == 0 && strcmp(key, "packages") == 0) {
		s->find = !strcmp(value, "find:") || !strcmp(value, "find_namespace:");
		s->packages_from = !s->find                  ? FROM " packages"
		                   : !strcmp(value, "find:") ? FROM " packages = find:"
		                                             : FROM " packages = find_namespace:";
		s->finder =
		    !strcmp(value, "find_namespace:") ? SCOPE_FIND_PEP420 : SCOPE_FIND_PACKAGES;
		if (!s->find)
			parse_list(&s->packages, value);
	} else if (strcmp(section, "options") == 0 && strcmp(key, "py_modules") == 0) {
		s->py_modules_from = FROM " py_modules";
		parse_list(&s->py_modules, value);
	} else if (strcmp(section, "options") == 0 && strcmp(key, "package_dir") == 0) {
		s->package_dir_from = FROM " package_dir";
		parse_list(&items, value);
		for (size_t i = 0; i < items.n; i++) {
			char *eq = strchr(items.v[i], '=');

			if (!eq)
				continue;
			*eq = '\0';
			scope_list_add(&s->dir_names, scout_str_trim(items.v[i]));
			scope_list_add(&s->dir_paths, scout_str_trim(eq + 1));
		}
	} else if (strcmp(section, "options.packages.find") == 0) {
		parse_list(!strcmp(key, "where")     ? &s->where
		           : !strcmp(key, "include") ? &s->include
		           : !strcmp(key, "exclude") ? &s->exclude
		                                     : &items,
		           value);
		if (s->where.n > 1)
			s->where.n = 1; /* setuptools takes the first */
	}
	scope_list_free(&items);
}

/* Hands each complete option to apply. */
static void flush(scope_spec *s, const char *section, scout_buf *key, scout_buf *value)
{
	if (key->len && value->data)
		apply(s, section, key->data, scout_str_trim(value->data));
	key->len = value->len = 0;
	if (key->data)
		key->data[0] = '\0';
	if (value->data)
		value->data[0] = '\0';
}

void scope_setup_cfg_read(scope_spec *out, const char *dir)
{
	char *path = scout_asprintf("%s/setup.cfg", dir), section[256] = "", *data = NULL, *next;
	scout_buf key = {0}, value = {0};
	size_t len;

	memset(out, 0, sizeof(*out));
	scout_fs_read(&data, &len, path, SCOUT_FS_CONFIG_MAX_BYTES, SCOUT_FS_REPORT, NULL);
	free(path);
	for (char *raw = data; raw; raw = next) {
		char *s, *eq;
		bool continued = isspace((unsigned char)raw[0]) && key.len;

		if ((next = strchr(raw, '\n')))
			*next++ = '\0';
		s = scout_str_trim(raw);
		if (*s == '#' || *s == ';' || (!*s && !continued))
			continue;
		if (continued) {
			scout_buf_printf(&value, "\n%s", s);
			continue;
		}
		flush(out, section, &key, &value);
		if (*s == '[' && strchr(s, ']')) {
			snprintf(section, sizeof(section), "%.*s", (int)(strchr(s, ']') - s - 1),
			         s + 1);
			continue;
		}
		if (!(eq = strpbrk(s, "=:")))
			continue;
		*eq = '\0';
		scout_buf_puts(&key, scout_str_trim(s));
		scout_buf_puts(&value, scout_str_trim(eq + 1));
	}
	flush(out, section, &key, &value);
	scout_buf_free(&key);
	scout_buf_free(&value);
	free(data);
}
