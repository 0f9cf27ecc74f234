/* Finding and reading mypy's configuration (INI files and pyproject.toml). */
#include "scout/mypy_config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scout/toml.h"

/* configparser's false values. */
static bool ini_false(const char *v)
{
	return !strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "off") ||
	       !strcmp(v, "0");
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/* Normalises an option name as mypy does ("strict-optional" too). */
static bool key_is(const char *key, const char *name)
{
	for (; *key && *name; key++, name++)
		if (*key != *name && !(*key == '-' && *name == '_'))
			return false;
	return *key == '\0' && *name == '\0';
}

/* Appends `name` to a NULL-terminated list. */
static void list_add(char ***list, const char *name, size_t len)
{
	size_t n = 0;

	while (*list && (*list)[n])
		n++;
	*list = scout_realloc(*list, (n + 2) * sizeof(**list));
	(*list)[n] = scout_strndup(name, len);
	(*list)[n + 1] = NULL;
}

static void list_free(char **list)
{
	for (size_t i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
}

/* A comma-separated INI value ("A, B"), or one TOML array item. */
static void list_add_all(char ***list, const char *value)
{
	while (*value) {
		size_t n = strcspn(value, ",");
		const char *end = value + n;

		while (value < end && isspace((unsigned char)*value))
			value++;
		while (end > value && isspace((unsigned char)end[-1]))
			end--;
		if (end > value)
			list_add(list, value, (size_t)(end - value));
		value += n + (value[n] == ',');
		if (!value[0])
			break;
	}
}

static void set_text(char **field, const char *value)
{
	free(*field);
	*field = scout_strdup(value);
}

/* One option: `value` as written (INI) or decoded (a TOML scalar, or one
 * item of an array). */
static void apply(scout_mypy_config *cfg, const char *key, const char *value, bool is_false,
                  uint32_t line)
{
	if (key_is(key, "strict_optional"))
		cfg->strict_optional_false = is_false ? line : 0;
	else if (key_is(key, "strict_bytes"))
		cfg->strict_bytes_false = is_false ? line : 0;
	else if (key_is(key, "python_version"))
		set_text(&cfg->python_version, value);
	else if (key_is(key, "platform"))
		set_text(&cfg->platform, value);
	else if (key_is(key, "always_true"))
		list_add_all(&cfg->always_true, value);
	else if (key_is(key, "always_false"))
		list_add_all(&cfg->always_false, value);
}

/* Reads the [mypy] section of an INI file; false when the file is absent or
 * (for setup.cfg) has no [mypy] section. */
static bool read_ini(scout_mypy_config *cfg, const char *path, bool need_section)
{
	FILE *f = fopen(path, "r");
	char raw[4096];
	bool in_mypy = false, seen = false;
	uint32_t line = 0;

	if (!f)
		return false;
	while (fgets(raw, sizeof(raw), f)) {
		char *s = trim(raw), *eq;

		line++;
		if (*s == '[') {
			char *close = strchr(s, ']');

			in_mypy = close && close - s == 5 && strncmp(s, "[mypy]", 6) == 0;
			seen = seen || in_mypy;
			continue;
		}
		if (!in_mypy || *s == '#' || *s == ';' || !(eq = strpbrk(s, "=:")))
			continue;
		*eq = '\0';
		{
			char *value = trim(eq + 1);

			apply(cfg, trim(s), value, ini_false(value), line);
		}
	}
	fclose(f);
	return seen || !need_section;
}

static bool read_pyproject(scout_mypy_config *cfg, const char *path)
{
	scout_toml t;
	bool found = false;

	if (scout_toml_load(&t, path) < 0)
		return false;
	for (size_t i = 0; i < t.len; i++) {
		const scout_toml_value *v = &t.values[i];

		if (!scout_str_startswith(v->key, "tool.mypy."))
			continue;
		found = true;
		if (!strchr(v->key + 10, '.'))
			apply(cfg, v->key + 10, v->text,
			      v->type == SCOUT_TOML_BOOL && !strcmp(v->text, "false"), v->line);
	}
	scout_toml_free(&t);
	return found;
}

int scout_mypy_config_read(scout_mypy_config *out, const char *dir)
{
	static const char *const files[] = {"mypy.ini", ".mypy.ini", "pyproject.toml", "setup.cfg"};

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		char *path = scout_asprintf("%s/%s", dir, files[i]);
		bool used;

		if (i == 2)
			used = read_pyproject(out, path);
		else
			used = read_ini(out, path, i == 3);
		free(path);
		if (used) {
			out->file = scout_strdup(files[i]);
			return 0;
		}
		scout_mypy_config_free(out);
	}
	return 0;
}

void scout_mypy_config_free(scout_mypy_config *cfg)
{
	free(cfg->file);
	free(cfg->python_version);
	free(cfg->platform);
	list_free(cfg->always_true);
	list_free(cfg->always_false);
	memset(cfg, 0, sizeof(*cfg));
}
