/* Error messages, allocation and buffers shared by every layer. */
#include "scout/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local char error_message[512];

const char *scout_error_last(void)
{
	return error_message;
}

int scout_error_set(const char *fmt, ...)
{
	char formatted[sizeof(error_message)]; /* the arguments may be scout_error_last() */
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(formatted, sizeof(formatted), fmt, ap);
	va_end(ap);
	memcpy(error_message, formatted, sizeof(error_message));
	return SCOUT_ERROR;
}

/* Out of memory ends the process with the fatal status, 2, never 1 (the
 * findings status) and never an abort: the message goes to stderr
 * (unbuffered) and nothing else is flushed, since another thread may be
 * writing. */
static void *check_alloc(void *p, size_t n)
{
	if (!p && n) {
		fprintf(stderr, "mypyc-scout: error: out of memory (%zu bytes)\n", n);
		_Exit(2);
	}
	return p;
}

void *scout_malloc(size_t n)
{
	return check_alloc(malloc(n ? n : 1), n);
}

void *scout_calloc(size_t count, size_t size)
{
	return check_alloc(calloc(count ? count : 1, size ? size : 1), count * size);
}

void *scout_realloc(void *p, size_t n)
{
	return check_alloc(realloc(p, n ? n : 1), n);
}

char *scout_strndup(const char *s, size_t n)
{
	char *copy = scout_malloc(n + 1);

	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *scout_strdup(const char *s)
{
	return scout_strndup(s, strlen(s));
}

char *scout_vasprintf(const char *fmt, va_list ap)
{
	char small[256], *out;
	va_list again;
	int n;

	va_copy(again, ap); /* formatted once when it fits the stack buffer */
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < 0) {
		va_end(again);
		return scout_strdup("");
	}
	out = scout_malloc((size_t)n + 1);
	if ((size_t)n < sizeof(small))
		memcpy(out, small, (size_t)n + 1);
	else
		vsnprintf(out, (size_t)n + 1, fmt, again);
	va_end(again);
	return out;
}

char *scout_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *out;

	va_start(ap, fmt);
	out = scout_vasprintf(fmt, ap);
	va_end(ap);
	return out;
}

void scout_grow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (n < need)
		n *= 2;
	*items = scout_realloc(*items, n * size);
	*cap = n;
}

void scout_buf_put(scout_buf *b, const char *s, size_t n)
{
	scout_grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void scout_buf_puts(scout_buf *b, const char *s)
{
	scout_buf_put(b, s, strlen(s));
}

void scout_buf_putc(scout_buf *b, char c)
{
	scout_buf_put(b, &c, 1);
}

void scout_buf_printf(scout_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	scout_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *scout_buf_detach(scout_buf *b)
{
	char *data = b->data ? b->data : scout_strdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return data;
}

void scout_buf_free(scout_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

bool scout_str_endswith(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

char *scout_str_trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

bool scout_str_startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool scout_mem_contains(const char *text, size_t n, const char *needle, size_t nlen)
{
	const char *p = text, *end = text + n;

	while (nlen && (size_t)(end - p) >= nlen &&
	       (p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1))) {
		if (memcmp(p, needle, nlen) == 0)
			return true;
		p++;
	}
	return false;
}

bool scout_str_list_has(const char *list, const char *item, size_t len)
{
	while (*list) {
		const char *comma;
		size_t n;

		while (*list == ' ' || *list == '\t')
			list++;
		comma = strchr(list, ',');
		n = comma ? (size_t)(comma - list) : strlen(list);
		while (n > 0 && (list[n - 1] == ' ' || list[n - 1] == '\t'))
			n--;
		if (n == len && memcmp(list, item, len) == 0)
			return true;
		if (!comma)
			break;
		list = comma + 1;
	}
	return false;
}
