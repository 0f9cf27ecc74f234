/* mypy plugins in the scratch copy. mypy imports every plugin its
 * configuration names (`plugins = ...`) before it type-checks: a plugin
 * given as a .py path, or as a module of the project, is the project's own
 * code, which verify runs only when asked (--allow-plugins, --import,
 * --test). Installed plugins (pydantic.mypy, numpy.typing.mypy_plugin) are
 * part of the type checker the project already uses and stay: without them
 * mypy reports errors the project does not have. The configuration read is
 * the one mypy 1.0.1 reads in the working directory: mypy.ini, .mypy.ini,
 * pyproject.toml with [tool.mypy], setup.cfg. */
#include "scout/verify.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scout/fs.h"

#define CONFIG_MAX ((size_t)4 << 20)

/* The configuration mypy reads in `dir` (owned name, NULL: none) and its text
 * (owned). */
static char *find_config(const char *dir, char **text, bool *toml)
{
	static const char *const names[] = {"mypy.ini", ".mypy.ini", "pyproject.toml", "setup.cfg"};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *path = scout_asprintf("%s/%s", dir, names[i]);
		size_t len;
		int error = scout_fs_read(text, &len, path, CONFIG_MAX, 0, NULL);

		free(path);
		if (error < 0)
			continue;
		*toml = i == 2;
		if (*toml && !strstr(*text, "[tool.mypy]")) {
			free(*text);
			continue;
		}
		return scout_strdup(names[i]);
	}
	*text = NULL;
	return NULL;
}

/* Whether `top` (a top-level module name) is the project's: a module or a
 * package at the copy's root or under src/. */
static bool in_project(const char *dir, const char *top, size_t n)
{
	static const char *const forms[] = {"%s/%.*s.py", "%s/%.*s", "%s/src/%.*s.py",
	                                    "%s/src/%.*s"};
	bool found = false;

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]) && !found; i++) {
		char *path = scout_asprintf(forms[i], dir, (int)n, top);
		struct stat st;

		found = lstat(path, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode));
		free(path);
	}
	return found;
}

/* A .py path or a module of the project (`name`: as written, maybe with
 * ":entry" after the last path component, as mypy reads it). */
static bool local_plugin(const char *dir, const char *name)
{
	const char *base = strrchr(name, '/');
	size_t n = strlen(name), top;
	const char *colon = strchr(base ? base : name, ':');

	if (colon)
		n = (size_t)(colon - name);
	if (base || (n > 3 && memcmp(name + n - 3, ".py", 3) == 0))
		return true; /* a file: mypy imports it from its path */
	top = strcspn(name, ".:");
	return in_project(dir, name, top);
}

/* The `plugins` entry of the mypy section: its first and last line (0-based,
 * inclusive) and where its value starts on the first. Returns false when
 * there is none. */
typedef struct entry {
	char **lines;
	size_t nlines;
	size_t first, last;
	size_t value_at;
} entry;

static bool is_header(const char *line, const char *name)
{
	const char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	return strncmp(p, name, strlen(name)) == 0;
}

static bool find_entry(entry *e, bool toml)
{
	const char *section = toml ? "[tool.mypy]" : "[mypy]";
	bool in = false;

	for (size_t i = 0; i < e->nlines; i++) {
		const char *l = e->lines[i];

		if (l[0] == '[') {
			in = is_header(l, section) && (l[strlen(section)] == '\0' ||
			                               isspace((unsigned char)l[strlen(section)]));
			continue;
		}
		if (!in || strncmp(l, "plugins", 7) != 0)
			continue;
		size_t p = 7;

		while (l[p] == ' ' || l[p] == '\t')
			p++;
		if (l[p] != '=' && !(l[p] == ':' && !toml))
			continue;
		e->first = e->last = i;
		e->value_at = p + 1;
		if (toml) { /* an array may go on over lines up to its `]` */
			int depth = 0;

			for (size_t k = i; k < e->nlines; k++) {
				for (const char *c = e->lines[k] + (k == i ? p + 1 : 0); *c; c++)
					depth += *c == '[' ? 1 : *c == ']' ? -1 : 0;
				e->last = k;
				if (depth <= 0)
					break;
			}
		} else { /* INI: indented lines go on with the value */
			while (e->last + 1 < e->nlines && (e->lines[e->last + 1][0] == ' ' ||
			                                   e->lines[e->last + 1][0] == '\t'))
				e->last++;
		}
		return true;
	}
	return false;
}

/* The plugin names of the entry: TOML quoted strings, else comma-separated
 * words. */
static void read_names(scout_verification *v, const entry *e, bool toml, const char *dir)
{
	scout_buf all = {0};
	size_t cap = 0;

	for (size_t i = e->first; i <= e->last; i++) {
		scout_buf_puts(&all, e->lines[i] + (i == e->first ? e->value_at : 0));
		scout_buf_putc(&all, toml ? ' ' : ',');
	}
	for (const char *p = all.data; p && *p;) {
		const char *start, *end;

		if (toml) {
			char quote;

			while (*p && *p != '"' && *p != '\'')
				p++;
			if (!*p)
				break;
			quote = *p++;
			start = p;
			while (*p && *p != quote)
				p++;
			end = p;
			if (*p)
				p++;
		} else {
			size_t n = strcspn(p, ",");

			start = p;
			end = p + n;
			p += n + (p[n] == ',');
			while (start < end && isspace((unsigned char)*start))
				start++;
			while (end > start && isspace((unsigned char)end[-1]))
				end--;
		}
		if (end > start) {
			scout_verify_plugin pl = {.name =
			                              scout_strndup(start, (size_t)(end - start))};

			pl.local = local_plugin(dir, pl.name);
			SCOUT_PUSH(v->plugins, v->nplugins, cap, pl);
		}
	}
	scout_buf_free(&all);
}

/* The configuration with the entry commented out and the kept plugins
 * written after it (owned). */
static char *rewrite(const scout_verification *v, const entry *e, bool toml)
{
	scout_buf b = {0};
	size_t kept = 0;

	for (size_t i = 0; i < e->nlines; i++) {
		if (i < e->first || i > e->last) {
			scout_buf_printf(&b, "%s\n", e->lines[i]);
			continue;
		}
		scout_buf_printf(&b, "# %s\n", e->lines[i]);
		if (i != e->last)
			continue;
		scout_buf_puts(&b, "# mypyc-scout verify: the project's own plugins dropped "
		                   "(--allow-plugins keeps them)\n");
		for (size_t k = 0; k < v->nplugins; k++) {
			if (!v->plugins[k].kept)
				continue;
			scout_buf_printf(&b, "%s%s%s%s",
			                 kept   ? ", "
			                 : toml ? "plugins = ["
			                        : "plugins = ",
			                 toml ? "\"" : "", v->plugins[k].name, toml ? "\"" : "");
			kept++;
		}
		if (kept)
			scout_buf_puts(&b, toml ? "]\n" : "\n");
	}
	return scout_buf_detach(&b);
}

static int write_config(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW);
	int error = fd < 0 ? -1 : scout_fs_write_all(fd, text, strlen(text));

	if (fd >= 0 && close(fd) < 0)
		error = -1;
	if (error < 0)
		return scout_error_set("cannot rewrite %s in the scratch copy", path), SCOUT_EIO;
	return 0;
}

static void split_lines(entry *e, char *text)
{
	size_t cap = 0;

	for (char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		bool last = p[n] == '\0';

		p[n] = '\0';
		SCOUT_PUSH(e->lines, e->nlines, cap, p);
		p += n + !last;
	}
}

int scout_verify_plugins_confine(scout_verification *v, const char *scratch, bool allow)
{
	bool toml = false, dropped = false;
	char *text = NULL;
	entry e = {0};
	int error = 0;

	v->plugins_allowed = allow;
	if (!(v->config = find_config(scratch, &text, &toml)))
		return 0;
	split_lines(&e, text);
	if (find_entry(&e, toml)) {
		read_names(v, &e, toml, scratch);
		for (size_t i = 0; i < v->nplugins; i++) {
			v->plugins[i].kept = allow || !v->plugins[i].local;
			dropped |= !v->plugins[i].kept;
		}
	}
	if (dropped) {
		char *path = scout_asprintf("%s/%s", scratch, v->config);
		char *out = rewrite(v, &e, toml);

		error = write_config(path, out);
		free(out);
		free(path);
	}
	free(e.lines);
	free(text);
	return error;
}
