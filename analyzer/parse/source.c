/* Loading a module's bytes: regular files only, size limit, NUL bytes,
 * UTF-8 validation (PEP 263 Latin-1 declarations transcoded; a BOM with a
 * declaration other than utf-8 refused, as Python refuses it). */
#include "scout/source.h"

#include "scout/fs.h"
#include "scout/utf8.h"

#include "coding.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int load_fail(scout_load_error *err, scout_diag_kind kind, uint32_t line, const char *fmt,
                     ...) __attribute__((format(printf, 4, 5)));

static int load_fail(scout_load_error *err, scout_diag_kind kind, uint32_t line, const char *fmt,
                     ...)
{
	va_list ap;

	err->kind = kind;
	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return SCOUT_EIO;
}

static uint32_t line_of(const char *data, size_t offset)
{
	uint32_t line = 1;

	for (size_t i = 0; i < offset; i++)
		line += data[i] == '\n';
	return line;
}

/* The diagnostic for bytes that are not UTF-8: what the file declares (if
 * anything) and what the tool reads. */
static int not_utf8(scout_load_error *err, const coding_decl *coding, const char *bytes, size_t bad)
{
	unsigned char c = (unsigned char)bytes[bad];
	uint32_t line = line_of(bytes, bad);

	if (!coding->line)
		return load_fail(
		    err, SCOUT_DIAG_NOT_UTF8, line,
		    "invalid UTF-8 byte 0x%02x at offset %zu and no coding declaration "
		    "(Python then reads UTF-8)",
		    c, bad);
	if (coding->utf8)
		return load_fail(err, SCOUT_DIAG_NOT_UTF8, line,
		                 "invalid UTF-8 byte 0x%02x at offset %zu in a file that declares "
		                 "'%s' (line %u)",
		                 c, bad, coding->name, coding->line);
	return load_fail(err, SCOUT_DIAG_NOT_UTF8, line,
	                 "the file declares encoding '%s' (line %u), which mypyc-scout cannot "
	                 "read: it reads UTF-8 and Latin-1 (invalid UTF-8 byte 0x%02x at offset "
	                 "%zu)",
	                 coding->name, coding->line, c, bad);
}

/* A declaration of an encoding CPython reads no source in: it refuses the
 * file whatever its bytes (mypy cannot decode it either). */
static int not_python(scout_load_error *err, const coding_decl *coding)
{
	if (coding->python == CODING_UNKNOWN)
		return load_fail(err, SCOUT_DIAG_SYNTAX_ERROR, coding->line,
		                 "unknown encoding: %s (the coding declaration on line %u names "
		                 "an encoding Python does not know; Python refuses the file)",
		                 coding->name, coding->line);
	return load_fail(err, SCOUT_DIAG_SYNTAX_ERROR, coding->line,
	                 "encoding problem: %s (the coding declaration on line %u names a "
	                 "codec Python cannot read source code in: not an ASCII-compatible "
	                 "text encoding; Python refuses the file)",
	                 coding->name, coding->line);
}

static char *latin1_to_utf8(const char *data, size_t len, size_t *out_len)
{
	char *out = scout_malloc(len * 2 + 1);
	size_t j = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c < 0x80) {
			out[j++] = (char)c;
		} else {
			out[j++] = (char)(0xc0 | (c >> 6));
			out[j++] = (char)(0x80 | (c & 0x3f));
		}
	}
	out[j] = '\0';
	*out_len = j;
	return out;
}

/* The block of the last source freed on this thread, kept for the next
 * load: one large allocation per file costs the allocator a consolidation
 * pass each time, the reuse nothing. */
static _Thread_local struct spare_block {
	char *data;
	size_t cap;
} spare;

/* A block of at least `want` bytes: the spare when it is large enough. */
static char *take_block(size_t want, size_t *cap)
{
	char *data = spare.data;

	if (data && spare.cap >= want) {
		*cap = spare.cap;
		spare.data = NULL;
		spare.cap = 0;
		return data;
	}
	*cap = want;
	return scout_malloc(want);
}

/* Gives a block back: kept as the spare when larger than the one kept. */
static void give_block(char *data, size_t cap)
{
	if (!data)
		return;
	if (cap <= spare.cap) {
		free(data);
		return;
	}
	free(spare.data);
	spare.data = data;
	spare.cap = cap;
}

void scout_source_thread_release(void)
{
	free(spare.data);
	spare.data = NULL;
	spare.cap = 0;
}

/* Python reads source with universal newlines: a lone CR ends a line as LF
 * does. The parser counts rows at LF only, so each lone CR becomes an LF
 * (the same length: byte offsets and columns stay). CRLF is left as is. */
static void lone_crs_to_lf(char *data, size_t len)
{
	for (char *p = data, *end = data + len; (p = memchr(p, '\r', (size_t)(end - p))); p++)
		if (p + 1 == end || p[1] != '\n')
			*p = '\n';
}

/* The checks and conversions of scout_source_from_bytes. When `owned` is
 * given, it is bytes' own heap block of owned_cap bytes (room for a NUL
 * after len bytes): valid UTF-8 is then kept in it, without a copy, and it
 * is given back in every other case. */
static int from_bytes(scout_source *out, const char *bytes, size_t len, char *owned,
                      size_t owned_cap, scout_load_error *err)
{
	const char *nul;
	size_t bad;
	int error = 0;

	memset(out, 0, sizeof(*out));
	if (len > SCOUT_SOURCE_MAX_BYTES) {
		error = load_fail(err, SCOUT_DIAG_TOO_LARGE, 0,
		                  "file is %zu bytes, over the %zu MiB limit", len,
		                  SCOUT_SOURCE_MAX_BYTES >> 20);
	} else if ((nul = memchr(bytes, '\0', len))) {
		error = load_fail(err, SCOUT_DIAG_SKIPPED, line_of(bytes, (size_t)(nul - bytes)),
		                  "binary file: NUL byte at offset %zu (Python rejects source "
		                  "code with null bytes)",
		                  (size_t)(nul - bytes));
	} else {
		bool bom = len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0;
		coding_decl coding;

		if (bom) {
			bytes += 3;
			len -= 3;
		}
		coding_find(&coding, bytes, len);
		bad = scout_utf8_invalid_at(bytes, len);
		if (bom && coding.line && strcmp(coding.normal, "utf-8") != 0) {
			error =
			    load_fail(err, SCOUT_DIAG_SYNTAX_ERROR, coding.line,
			              "encoding problem: %s with BOM (Python refuses a coding "
			              "declaration other than utf-8 after a UTF-8 byte order mark)",
			              coding.normal);
		} else if (coding.python != CODING_READABLE) {
			error = not_python(err, &coding);
		} else if (coding.latin1) {
			out->data = latin1_to_utf8(bytes, len, &out->len);
		} else if (bad < len) {
			error = not_utf8(err, &coding, bytes, bad);
		} else if (owned) { /* the common case: no copy */
			memmove(owned, bytes, len);
			owned[len] = '\0';
			out->data = owned;
			out->len = len;
			out->cap = owned_cap;
			lone_crs_to_lf(out->data, out->len);
			return 0;
		} else {
			out->data = scout_strndup(bytes, len);
			out->len = len;
		}
		if (out->data)
			lone_crs_to_lf(out->data, out->len);
	}
	give_block(owned, owned_cap);
	return error;
}

int scout_source_from_bytes(scout_source *out, const char *bytes, size_t len, scout_load_error *err)
{
	return from_bytes(out, bytes, len, NULL, 0, err);
}

static int read_fd(int fd, char **data, size_t *len, size_t *block, size_t size_hint)
{
	size_t cap, n = 0;
	char *buf = take_block(size_hint + 1, &cap);

	for (;;) {
		ssize_t got;

		if (n == cap) {
			if (cap > SCOUT_SOURCE_MAX_BYTES + 1)
				break;
			cap *= 2;
			buf = scout_realloc(buf, cap);
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			give_block(buf, cap);
			return -errno;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n == cap) /* room for the NUL scout_source_load ends the text with */
		buf = scout_realloc(buf, ++cap);
	*data = buf;
	*len = n;
	*block = cap;
	return 0;
}

/* The diagnostic for a file scout_fs_open refused. */
static scout_diag_kind refusal_kind(scout_fs_refusal why)
{
	switch (why) {
	case SCOUT_FS_NOT_REGULAR:
		return SCOUT_DIAG_SKIPPED;
	case SCOUT_FS_TOO_LARGE:
		return SCOUT_DIAG_TOO_LARGE;
	default:
		return SCOUT_DIAG_UNREADABLE;
	}
}

static int load(scout_source *out, const char *fs_path, unsigned flags, scout_load_error *err)
{
	scout_fs_refusal why;
	char *bytes = NULL;
	size_t len = 0, block = 0;
	uint64_t size;
	int fd, error;

	memset(out, 0, sizeof(*out));
	if (scout_fs_open(&fd, &size, fs_path, SCOUT_SOURCE_MAX_BYTES, flags, &why) < 0)
		return load_fail(err, refusal_kind(why), 0, "%s", scout_error_last());
	error = read_fd(fd, &bytes, &len, &block, (size_t)size);
	close(fd);
	if (error < 0)
		return load_fail(err, SCOUT_DIAG_UNREADABLE, 0, "cannot read: %s",
		                 strerror(-error));
	return from_bytes(out, bytes, len, bytes, block, err);
}

int scout_source_load(scout_source *out, const char *fs_path, scout_load_error *err)
{
	return load(out, fs_path, 0, err);
}

int scout_source_load_project(scout_source *out, const char *fs_path, scout_load_error *err)
{
	return load(out, fs_path, SCOUT_FS_PROJECT, err);
}

void scout_source_free(scout_source *src)
{
	if (!src)
		return;
	give_block(src->data, src->cap);
	src->data = NULL;
	src->len = src->cap = 0;
}

uint32_t scout_source_count_lines(const char *data, size_t len)
{
	uint32_t lines = 0;
	const char *p = data, *end = data + len;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		lines++;
		p++;
	}
	if (len > 0 && data[len - 1] != '\n')
		lines++;
	return lines;
}
