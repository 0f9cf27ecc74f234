/* Shared basics: error codes, allocation that aborts on out-of-memory, a
 * growable byte buffer and small string helpers. */
#ifndef SCOUT_COMMON_H
#define SCOUT_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	SCOUT_OK = 0,
	SCOUT_ERROR = -1, /* generic failure, message in scout_error_last() */
	SCOUT_ENOTFOUND = -3,
	SCOUT_EIO = -4,
	SCOUT_EUSAGE = -5,
};

/* The last error message of this thread (borrowed, valid until the next
 * scout_error_set on this thread). Never NULL. */
const char *scout_error_last(void);
/* Sets this thread's error message, printf-style (an argument may be
 * scout_error_last()). Returns SCOUT_ERROR. */
int scout_error_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation: these never return NULL; out of memory exits 2 with a message. */
void *scout_malloc(size_t n);
void *scout_calloc(size_t count, size_t size);
void *scout_realloc(void *p, size_t n);
char *scout_strdup(const char *s);
char *scout_strndup(const char *s, size_t n);
/* printf into a new string (owned by caller, free with free()). */
char *scout_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* scout_asprintf with a va_list (left for the caller to va_end). */
char *scout_vasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grows *items (of *cap elements of `size` bytes) so that it holds `need`. */
void scout_grow(void **items, size_t *cap, size_t need, size_t size);
#define SCOUT_PUSH(arr, len, cap, value)                                                           \
	do {                                                                                       \
		scout_grow((void **)&(arr), &(cap), (len) + 1, sizeof(*(arr)));                    \
		(arr)[(len)++] = (value);                                                          \
	} while (0)

/* A growable, always NUL-terminated byte buffer. */
typedef struct scout_buf {
	char *data;
	size_t len;
	size_t cap;
} scout_buf;

void scout_buf_put(scout_buf *b, const char *s, size_t n);
void scout_buf_puts(scout_buf *b, const char *s);
void scout_buf_putc(scout_buf *b, char c);
void scout_buf_printf(scout_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data over (owned by caller, free with free()); the buffer is reset. */
char *scout_buf_detach(scout_buf *b);
void scout_buf_free(scout_buf *b);

bool scout_str_endswith(const char *s, const char *suffix);
/* s without leading blanks, its trailing blanks cut off in place. */
char *scout_str_trim(char *s);
bool scout_str_startswith(const char *s, const char *prefix);
/* True when the n bytes at text hold the nlen bytes of needle (nlen > 0). */
bool scout_mem_contains(const char *text, size_t n, const char *needle, size_t nlen);
/* True when the len bytes at item are one of the items of a comma-separated
 * list (blanks around the items ignored): "a, b" has "b". */
bool scout_str_list_has(const char *list, const char *item, size_t len);

#endif
