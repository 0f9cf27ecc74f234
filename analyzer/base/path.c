/* Lexical paths (scout/path.h). */
#include "scout/path.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Appends path's components to b ('/'-separated, no trailing '/'), resolving
 * "." and ".." lexically; b holds an absolute path ("/" at least). */
static void push_components(scout_buf *b, const char *path)
{
	const char *p = path;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (b->len > 1 && b->data[b->len - 1] != '/')
				b->len--;
			if (b->len > 1)
				b->len--;
			b->data[b->len] = '\0';
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			if (b->len > 1)
				scout_buf_putc(b, '/');
			scout_buf_put(b, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
}

char *scout_path_absolute(const char *path)
{
	scout_buf b = {0};

	scout_buf_puts(&b, "/");
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);

		if (!cwd) {
			scout_buf_free(&b);
			return NULL;
		}
		push_components(&b, cwd);
		free(cwd);
	}
	push_components(&b, path);
	return scout_buf_detach(&b);
}

bool scout_path_inside(const char *below, const char *dir, const char **rest)
{
	size_t n = strlen(dir);
	const char *r;

	if (strcmp(dir, "/") == 0) {
		r = below + 1;
	} else {
		if (strncmp(below, dir, n) != 0 || (below[n] && below[n] != '/'))
			return false;
		r = below[n] ? below + n + 1 : below + n;
	}
	if (rest)
		*rest = r;
	return true;
}
