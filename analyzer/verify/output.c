/* Reading what the compiler printed: mypy type errors (`path:line: error:
 * message  [code]`), mypyc's own errors (the same without a code), the C
 * compiler's (`build/x.c:LINE:COL: error:`, `error: command 'gcc' failed`)
 * and crashes (a traceback, mypy's INTERNAL ERROR), and failures of the build
 * environment that are no module's fault (setuptools rejecting the packaging
 * metadata, a missing package, header or C compiler). What no pattern reads
 * is kept verbatim when the compile failed, never lost. */
#include "verify_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *scout_verify_kind_name(scout_verify_kind kind)
{
	static const char *const names[] = {"mypy", "mypyc", "c-compiler", "crash", "environment"};

	return kind < SCOUT_VERR_COUNT ? names[kind] : "?";
}

size_t verify_module_by_path(const scout_scan *scan, const char *path)
{
	size_t lo = 0, hi = scan->nmodules;

	if (scout_str_startswith(path, "./"))
		path += 2;
	while (lo < hi) { /* modules are sorted by path */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(scan->modules[mid].path, path);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = 0; i < scan->nmodules; i++) /* in case the order differs */
		if (strcmp(scan->modules[i].path, path) == 0)
			return i;
	return SIZE_MAX;
}

static void add_error(scout_verify_round *r, scout_verify_kind kind, const char *path, size_t plen,
                      uint32_t line, const char *message, size_t mlen, const char *code,
                      size_t clen, const scout_scan *scan)
{
	scout_verify_error e = {.kind = (uint8_t)kind, .line = line, .module = SIZE_MAX};

	if (path && plen) {
		e.path = scout_strndup(path, plen);
		e.module = verify_module_by_path(scan, e.path);
	}
	e.message = scout_strndup(message, mlen);
	if (code && clen)
		e.code = scout_strndup(code, clen);
	SCOUT_PUSH(r->errors, r->nerrors, r->errors_cap, e);
}

/* The modules of the round whose dotted name ends with name[0..len) at a
 * component boundary: how many, and the last in *last. */
static size_t modules_ending(const scout_verify_round *r, const scout_scan *scan, const char *name,
                             size_t len, size_t *last)
{
	size_t hits = 0;

	for (size_t i = 0; i < r->nmodules; i++) {
		const char *m = scan->modules[r->modules[i]].module;
		size_t mlen = m ? strlen(m) : 0;

		if (mlen >= len && memcmp(m + mlen - len, name, len) == 0 &&
		    (mlen == len || m[mlen - len - 1] == '.'))
			hits++, *last = r->modules[i];
	}
	return hits;
}

/* The compiled module a C error in the group's shared C file names: mypyc
 * calls a module's statics, types and functions `CPy<Kind>_<module>___<name>`,
 * the module by the shortest suffix of its dotted name that tells it apart,
 * dots written "___". The one module of the round whose name ends with the
 * longest such prefix; SIZE_MAX when none or several do. A round of one
 * module owns every error in it. */
static size_t c_name_module(const scout_verify_round *r, const char *msg, size_t n,
                            const scout_scan *scan)
{
	const char *end = msg + n, *p = msg, *q;
	char dotted[256];
	size_t len = 0, total, found = SIZE_MAX;

	if (r->nmodules == 1)
		return r->modules[0];
	while (p + 3 <= end && memcmp(p, "CPy", 3) != 0)
		p++;
	if (p + 3 > end || !(p = memchr(p, '_', (size_t)(end - p))))
		return SIZE_MAX;
	for (q = ++p; q < end && (isalnum((unsigned char)*q) || *q == '_'); q++)
		;
	for (const char *c = p; c < q && len + 1 < sizeof(dotted);) /* "___" -> "." */
		if (q - c >= 3 && memcmp(c, "___", 3) == 0)
			dotted[len++] = '.', c += 3;
		else
			dotted[len++] = *c++;
	total = len;
	for (; len > 0; len--) { /* the longest prefix that ends a component first */
		size_t hits;

		if (len < total && dotted[len] != '.')
			continue;
		hits = modules_ending(r, scan, dotted, len, &found);
		if (hits)
			return hits == 1 ? found : SIZE_MAX;
	}
	return SIZE_MAX;
}

/* mypy's codes for an import it cannot resolve: a package the project needs
 * is not installed where mypyc runs. */
static bool missing_package(const char *code, size_t n)
{
	static const char *const codes[] = {"import", "import-not-found", "import-untyped"};

	for (size_t i = 0; code && i < sizeof(codes) / sizeof(codes[0]); i++)
		if (n == strlen(codes[i]) && memcmp(code, codes[i], n) == 0)
			return true;
	return false;
}

/* `path:line[:col]: error: message[  [code]]`: returns true when it is one. */
static bool read_located(scout_verify_round *r, const char *s, size_t n, const scout_scan *scan)
{
	const char *colon = memchr(s, ':', n), *p, *msg, *end = s + n;
	uint32_t line = 0;
	bool c_file;

	if (!colon || colon == s)
		return false;
	p = colon + 1;
	if (p >= end || !isdigit((unsigned char)*p))
		return false;
	while (p < end && isdigit((unsigned char)*p))
		line = line * 10 + (uint32_t)(*p++ - '0');
	if (p < end && *p == ':' && p + 1 < end && isdigit((unsigned char)p[1]))
		for (p++; p < end && isdigit((unsigned char)*p); p++)
			;
	if (end - p < 9 || memcmp(p, ": error: ", 9) != 0) {
		if (end - p >= 15 && memcmp(p, ": fatal error: ", 15) == 0)
			msg = p + 15;
		else
			return false;
	} else {
		msg = p + 9;
	}
	c_file =
	    (colon - s > 2 && (memcmp(colon - 2, ".c", 2) == 0 || memcmp(colon - 2, ".h", 2) == 0));
	if (c_file) {
		bool missing = scout_mem_contains(msg, (size_t)(end - msg), ".h: No such file", 16);

		scout_verify_error *e;

		add_error(r, missing ? SCOUT_VERR_ENV : SCOUT_VERR_C, s, (size_t)(colon - s), line,
		          msg, (size_t)(end - msg), NULL, 0, scan);
		e = &r->errors[r->nerrors - 1];
		if (!missing && e->module == SIZE_MAX &&
		    (e->module = c_name_module(r, msg, (size_t)(end - msg), scan)) != SIZE_MAX)
			e->line = 0; /* a line of the C file, not of the module */
		return true;
	}
	{
		const char *code = NULL;
		size_t mlen = (size_t)(end - msg), clen = 0;

		while (mlen > 0 && isspace((unsigned char)msg[mlen - 1]))
			mlen--;
		if (mlen > 3 && msg[mlen - 1] == ']') { /* "  [code]" */
			const char *open = msg + mlen - 1;

			while (open > msg && *open != '[')
				open--;
			if (open - msg >= 2 && open[-1] == ' ' && open[-2] == ' ') {
				code = open + 1;
				clen = (size_t)(msg + mlen - 1 - code);
				mlen = (size_t)(open - 2 - msg);
			}
		}
		add_error(r,
		          scout_mem_contains(msg, mlen, "INTERNAL ERROR", 14) ? SCOUT_VERR_CRASH
		          : missing_package(code, clen)                       ? SCOUT_VERR_ENV
		          : code                                              ? SCOUT_VERR_MYPY
		                                                              : SCOUT_VERR_MYPYC,
		          s, (size_t)(colon - s), line, msg, mlen, code, clen, scan);
	}
	return true;
}

/* The build's ordinary chatter, neither an error nor worth keeping. */
static bool chatter(const char *s, size_t n)
{
	static const char *const starts[] = {
	    "running ",
	    "copying ",
	    "creating ",
	    "building '",
	    "x86_64-",
	    "aarch64-",
	    "gcc ",
	    "cc ",
	    "clang ",
	    "g++ ",
	    "writing ",
	    "Copying ",
	    "In file included",
	    "                 from ",
	    "build/",
	};

	if (n == 0)
		return true;
	for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (n >= strlen(starts[i]) && memcmp(s, starts[i], strlen(starts[i])) == 0)
			return true;
	return false;
}

typedef struct reader {
	scout_verify_round *r;
	const scout_scan *scan;
	const char *scratch;
	size_t slen;
	bool failed;
	bool in_traceback;
	size_t crash_at; /* the error a traceback belongs to (INTERNAL ERROR), or SIZE_MAX */
	const char *last_raised; /* the exception line that ends the traceback */
	size_t last_len;
	bool env_frame; /* its innermost frame is in the packaging tools */
} reader;

static void keep_unparsed(reader *rd, const char *s, size_t n)
{
	scout_verify_round *r = rd->r;

	if (!rd->failed)
		return;
	if (r->nunparsed >= VERIFY_UNPARSED_MAX) {
		r->unparsed_dropped++;
		return;
	}
	SCOUT_PUSH(r->unparsed, r->nunparsed, r->unparsed_cap, scout_strndup(s, n));
}

/* A traceback frame's line (`  File "...", line N, in f`): notes whether its
 * file is in the packaging tools (setuptools, distutils, pkg_resources); the
 * innermost frame decides. */
static void read_frame(reader *rd, const char *s, size_t n)
{
	static const char *const tools[] = {"/setuptools/", "/distutils/", "/pkg_resources/"};
	size_t lead = 0;

	while (lead < n && isspace((unsigned char)s[lead]))
		lead++;
	if (n - lead < 6 || memcmp(s + lead, "File \"", 6) != 0)
		return;
	rd->env_frame = false;
	for (size_t i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		rd->env_frame |= scout_mem_contains(s, n, tools[i], strlen(tools[i]));
}

/* A traceback that is the build environment's failure, not the compiler's:
 * a module that cannot be imported (setuptools missing, say), or an
 * exception raised inside the packaging tools (setuptools rejecting
 * pyproject.toml). */
static bool environment_failure(const reader *rd)
{
	const char *e = rd->last_raised;
	size_t n = rd->last_len;

	if (e && ((n >= 20 && memcmp(e, "ModuleNotFoundError:", 20) == 0) ||
	          (n >= 12 && memcmp(e, "ImportError:", 12) == 0)))
		return true;
	return rd->env_frame;
}

static void end_traceback(reader *rd)
{
	scout_verify_round *r = rd->r;

	if (!rd->in_traceback)
		return;
	rd->in_traceback = false;
	if (rd->crash_at != SIZE_MAX && rd->last_raised) {
		scout_verify_error *e = &r->errors[rd->crash_at];
		char *joined =
		    scout_asprintf("%s | %.*s", e->message, (int)rd->last_len, rd->last_raised);

		free(e->message);
		e->message = joined;
	} else {
		add_error(rd->r, environment_failure(rd) ? SCOUT_VERR_ENV : SCOUT_VERR_CRASH, NULL,
		          0, 0, rd->last_raised ? rd->last_raised : "Traceback",
		          rd->last_raised ? rd->last_len : 9, NULL, 0, rd->scan);
	}
	rd->last_raised = NULL;
	rd->env_frame = false;
}

static void read_line(reader *rd, const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	if (rd->slen && n > rd->slen && memcmp(s, rd->scratch, rd->slen) == 0 &&
	    s[rd->slen] == '/') {
		s += rd->slen + 1; /* absolute paths into the scratch copy */
		n -= rd->slen + 1;
	}
	if (n >= 34 && memcmp(s, "Traceback (most recent call last):", 34) == 0) {
		end_traceback(rd);
		rd->in_traceback = true;
		rd->crash_at = SIZE_MAX;
		for (size_t i = rd->r->nerrors; i-- > 0;)
			if (rd->r->errors[i].kind == SCOUT_VERR_CRASH) {
				rd->crash_at = i;
				break;
			}
		return;
	}
	if (rd->in_traceback) {
		if (n == 0 || isspace((unsigned char)s[0])) { /* a frame or its source line */
			read_frame(rd, s, n);
			return;
		}
		if (!scout_mem_contains(s, n, ": error: ", 9)) { /* the exception line */
			rd->last_raised = s;
			rd->last_len = n;
			end_traceback(rd);
			return;
		}
		end_traceback(rd);
	}
	if (n >= 20 && memcmp(s, "configuration error:", 20) == 0) { /* setuptools */
		add_error(rd->r, SCOUT_VERR_ENV, NULL, 0, 0, s, n, NULL, 0, rd->scan);
		return;
	}
	if (read_located(rd->r, s, n, rd->scan))
		return;
	if (n >= 7 && memcmp(s, "error: ", 7) == 0) { /* distutils: the C compiler failed */
		add_error(rd->r,
		          scout_mem_contains(s, n, "No such file or directory", 25) ? SCOUT_VERR_ENV
		          : scout_mem_contains(s, n, "failed", 6)                   ? SCOUT_VERR_C
		                                                  : SCOUT_VERR_MYPYC,
		          NULL, 0, 0, s + 7, n - 7, NULL, 0, rd->scan);
		return;
	}
	if (scout_mem_contains(s, n, ": note: ", 8) ||
	    scout_mem_contains(s, n, ": warning: ", 11) ||
	    (n >= 6 && memcmp(s, "Found ", 6) == 0) || chatter(s, n))
		return;
	keep_unparsed(rd, s, n);
}

void verify_output_read(scout_verify_round *r, const char *output, const scout_scan *scan,
                        const char *scratch, bool failed)
{
	reader rd = {
	    .r = r, .scan = scan, .scratch = scratch, .failed = failed, .crash_at = SIZE_MAX};
	const char *p = output;

	rd.slen = scratch ? strlen(scratch) : 0;
	while (*p) {
		size_t n = strcspn(p, "\n");

		read_line(&rd, p, n);
		p += n + (p[n] == '\n');
	}
	if (rd.in_traceback && !rd.last_raised)
		rd.last_raised = "Traceback (no exception line)", rd.last_len = 29;
	end_traceback(&rd);
}
