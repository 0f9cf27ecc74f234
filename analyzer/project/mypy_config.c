/* Finding and reading mypy's configuration (INI files and pyproject.toml). */
#include "scout/mypy_config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scout/fs.h"
#include "scout/toml.h"

/* configparser's false values. */
static bool ini_false(const char *v)
{
	return !strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "off") ||
	       !strcmp(v, "0");
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

/* configparser's getboolean: 1 or 0, -1 for a value it rejects. */
static int ini_bool(const char *v)
{
	if (!strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on") ||
	    !strcmp(v, "1"))
		return 1;
	return ini_false(v) ? 0 : -1;
}

/* An option that hides errors, set in section s. */
static void apply_ignores(scout_mypy_section *s, const char *key, const char *value, bool is_bool,
                          int bool_value)
{
	if (key_is(key, "ignore_errors")) {
		if (is_bool && bool_value >= 0)
			s->ignore_errors = bool_value;
	} else if (key_is(key, "disable_error_code") && value) {
		free(s->disable_codes);
		s->disable_codes = scout_strdup(value);
	} else if ((key_is(key, "check_untyped_defs") || key_is(key, "strict")) && is_bool &&
	           bool_value >= 0) {
		scout_mypy_flag f = bool_value ? SCOUT_MYPY_TRUE : SCOUT_MYPY_FALSE;

		if (key_is(key, "strict"))
			s->strict = f;
		else
			s->check_untyped = f;
	}
}

/* The per-module sections an INI header [mypy-A,B] opens (indices into
 * cfg->sections; mypy splits the patterns on ',' without trimming). */
static void open_sections(scout_mypy_config *cfg, const char *globs, size_t len, size_t **open,
                          size_t *nopen, size_t *cap)
{
	const char *end = globs + len;

	*nopen = 0;
	while (globs <= end) {
		const char *comma = memchr(globs, ',', (size_t)(end - globs));
		size_t n = comma ? (size_t)(comma - globs) : (size_t)(end - globs);
		scout_mypy_section *s = scout_mypy_config_section(cfg, globs, n);

		if (s)
			SCOUT_PUSH(*open, *nopen, *cap, (size_t)(s - cfg->sections));
		if (!comma)
			break;
		globs = comma + 1;
	}
}

/* Reads the [mypy] and [mypy-PATTERN] sections of an INI file; false when
 * the file is absent or refused (scout_fs_read notes why) or (for setup.cfg)
 * has no [mypy] section. */
static bool read_ini(scout_mypy_config *cfg, const char *path, bool need_section)
{
	char *data, *end, *raw, *next;
	bool in_mypy = false, seen = false;
	size_t *open = NULL, nopen = 0, cap = 0, len;
	uint32_t line = 0;

	if (scout_fs_read(&data, &len, path, SCOUT_FS_CONFIG_MAX_BYTES, SCOUT_FS_REPORT, NULL) < 0)
		return false;
	end = data + len;
	for (raw = data; raw < end; raw = next) {
		char *nl = memchr(raw, '\n', (size_t)(end - raw)), *s, *eq, *value;

		next = nl ? nl + 1 : end;
		if (nl)
			*nl = '\0';
		s = scout_str_trim(raw);
		line++;
		if (*s == '[') {
			char *close = strrchr(s, ']');

			in_mypy = close && close - s == 5 && strncmp(s, "[mypy]", 6) == 0;
			seen = seen || in_mypy;
			nopen = 0;
			if (close && strncmp(s, "[mypy-", 6) == 0)
				open_sections(cfg, s + 6, (size_t)(close - s - 6), &open, &nopen,
				              &cap);
			continue;
		}
		if ((!in_mypy && !nopen) || *s == '#' || *s == ';' || !(eq = strpbrk(s, "=:")))
			continue;
		*eq = '\0';
		s = scout_str_trim(s);
		value = scout_str_trim(eq + 1);
		if (in_mypy) {
			apply(cfg, s, value, ini_false(value), line);
			apply_ignores(&cfg->global, s, value, true, ini_bool(value));
		}
		for (size_t i = 0; i < nopen; i++)
			apply_ignores(&cfg->sections[open[i]], s, value, true, ini_bool(value));
	}
	free(data);
	free(open);
	return seen || !need_section;
}

/* A scalar of [tool.mypy] or of a [[tool.mypy.overrides]] table into s. */
static void toml_ignores(scout_mypy_section *s, const scout_toml_value *v, const char *key)
{
	if (v->type == SCOUT_TOML_BOOL) {
		apply_ignores(s, key, NULL, true, !strcmp(v->text, "true"));
	} else if (v->type == SCOUT_TOML_STRING && key_is(key, "disable_error_code")) {
		char *joined = v->index > 0 && s->disable_codes
		                   ? scout_asprintf("%s,%s", s->disable_codes, v->text)
		                   : scout_strdup(v->text);

		apply_ignores(s, key, joined, false, -1);
		free(joined);
	}
}

/* [[tool.mypy.overrides]]: each table's `module` (a string or a list)
 * names the sections its options go to. Values come in document order, so
 * a table's options are applied once its modules are known. */
static void read_overrides(scout_mypy_config *cfg, const scout_toml *t)
{
	for (size_t i = 0; i < t->len; i++) {
		const scout_toml_value *m = &t->values[i];
		const char *close = strchr(m->key, ']');
		scout_mypy_section *s;
		size_t table; /* the length of the table's key prefix, with "]." */

		if (!scout_str_startswith(m->key, "tool.mypy.overrides[") || !close ||
		    strcmp(close, "].module") != 0 || m->type != SCOUT_TOML_STRING)
			continue;
		s = scout_mypy_config_section(cfg, m->text, strlen(m->text));
		table = (size_t)(close - m->key) + 2;
		for (size_t j = 0; s && j < t->len; j++) {
			const scout_toml_value *v = &t->values[j];

			if (strncmp(v->key, m->key, table) == 0 &&
			    strcmp(v->key + table, "module") != 0)
				toml_ignores(s, v, v->key + table);
		}
	}
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
		if (strchr(v->key + 10, '.'))
			continue;
		apply(cfg, v->key + 10, v->text,
		      v->type == SCOUT_TOML_BOOL && !strcmp(v->text, "false"), v->line);
		toml_ignores(&cfg->global, v, v->key + 10);
	}
	read_overrides(cfg, &t);
	scout_toml_free(&t);
	return found;
}

int scout_mypy_config_read(scout_mypy_config *out, const char *dir)
{
	static const char *const files[] = {"mypy.ini", ".mypy.ini", "pyproject.toml", "setup.cfg"};

	memset(out, 0, sizeof(*out));
	out->global.ignore_errors = -1;
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
		scout_mypy_config_free(out); /* what an unused file left */
		out->global.ignore_errors = -1;
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
	scout_mypy_config_clear_sections(cfg);
	memset(cfg, 0, sizeof(*cfg));
}
