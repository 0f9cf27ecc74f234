/* Paths, marks and pyproject.toml look-ups the packaging readers share. */
#include <stdlib.h>
#include <string.h>

#include "scout/fs.h"
#include "scope_internal.h"

void scope_list_add(scope_list *l, const char *s)
{
	char *copy = scout_strdup(s);

	SCOUT_PUSH(l->v, l->n, l->cap, copy);
}

void scope_list_free(scope_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

char *scope_norm(const char *path)
{
	scout_buf b = {0};

	while (*path) {
		size_t n = strcspn(path, "/");

		if (n && !(n == 1 && path[0] == '.')) {
			if (b.len)
				scout_buf_putc(&b, '/');
			scout_buf_put(&b, path, n);
		}
		path += n + (path[n] == '/');
	}
	return scout_buf_detach(&b);
}

bool scope_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return n == 0 || (strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0'));
}

const char *scope_rel(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return n == 0 ? path : path[n] == '/' ? path + n + 1 : path + n;
}

bool scope_exists(const scope_ctx *c, const char *rel, bool want_dir)
{
	char *full = scout_asprintf("%s/%s", c->dir, rel);
	bool ok =
	    scout_fs_kind_of(full, true) == (want_dir ? SCOUT_FS_KIND_DIR : SCOUT_FS_KIND_FILE);

	free(full);
	return ok;
}

static size_t mark(scope_ctx *c, const char *dir, bool flat, const char *file)
{
	size_t n = 0;

	for (size_t i = 0; i < c->scan->nmodules; i++) {
		scout_module *m = &c->scan->modules[i];
		bool hit = file ? strcmp(m->path, file) == 0
		                : scope_under(m->path, dir) && m->path[strlen(dir)] != '\0' &&
		                      (!flat || !strchr(scope_rel(m->path, dir), '/'));

		if (hit && !m->shipped) {
			m->shipped = true;
			n++;
		}
	}
	return n;
}

size_t scope_mark_tree(scope_ctx *c, const char *dir)
{
	return mark(c, dir, false, NULL);
}

size_t scope_mark_flat(scope_ctx *c, const char *dir)
{
	return mark(c, dir, true, NULL);
}

size_t scope_mark_file(scope_ctx *c, const char *path)
{
	return mark(c, NULL, false, path);
}

bool scope_identifier(const char *s, size_t len)
{
	if (!len || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (!(ch >= 0x80 || ch == '_' || (ch >= 'a' && ch <= 'z') ||
		      (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
			return false;
	}
	return true;
}

bool scope_toml_strings(const scout_toml *t, const char *key, scope_list *out)
{
	bool found = false;

	for (size_t i = 0; i < t->len; i++)
		if (strcmp(t->values[i].key, key) == 0) {
			found = true;
			if (t->values[i].type == SCOUT_TOML_STRING)
				scope_list_add(out, t->values[i].text);
		}
	return found;
}

const char *scope_toml_string(const scout_toml *t, const char *key)
{
	const scout_toml_value *v = scout_toml_get(t, key);

	return v && v->type == SCOUT_TOML_STRING ? v->text : NULL;
}

bool scope_toml_has(const scout_toml *t, const char *prefix)
{
	for (size_t i = 0; i < t->len; i++)
		if (scout_str_startswith(t->values[i].key, prefix))
			return true;
	return false;
}

void scope_set(char **field, char *text)
{
	free(*field);
	*field = text;
}
