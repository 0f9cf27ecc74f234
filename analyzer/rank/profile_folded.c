/* Collapsed ("folded") stacks, one `frame;frame;...;frame COUNT` line per
 * stack, root first (Brendan Gregg's stackcollapse format). The last frame
 * gets COUNT; every frame that names a file gets an entry. Frames name files as
 * - py-spy (`record --format raw`): `func (path/file.py:123)` or `func (file.py)`
 *   (its `thread (0x7f..)` and `process 12:"cmd"` frames name no file);
 * - Austin 3: `path/file.py:func:123`, and with `-a` a `path/file.py:func`
 *   frame followed by an `L123` frame; its `P<pid>` and `T<tid>` frames have
 *   no file, its `# key: value` header lines are skipped, and of a full-mode
 *   `time,idle,memory` count the first number is used.
 * Anything else (perf's `comm;func`, `:GC:`) counts in the total only. A
 * differential line (`stack COUNT1 COUNT2`, flamegraph.pl's difffolded) counts
 * COUNT2. CRLF line ends, blank lines and `#` comments are accepted. */
#include "profile_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
	const char *s;
	size_t len;
} span;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool all_digits(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Last occurrence of c in s[0..len), or NULL. */
static const char *find_last(const char *s, size_t len, char c)
{
	while (len-- > 0)
		if (s[len] == c)
			return s + len;
	return NULL;
}

/* Parses a sample count: a non-negative decimal number, of which only the
 * part before a ',' (Austin's full mode) is read. */
static bool parse_count(const char *s, size_t len, double *out)
{
	const char *comma = memchr(s, ',', len);
	char buf[64], *end;

	if (comma)
		len = (size_t)(comma - s);
	if (len == 0 || len >= sizeof(buf) || !(s[0] >= '0' && s[0] <= '9'))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*out = strtod(buf, &end);
	return end == buf + len && isfinite(*out);
}

/* The file a frame names, or an empty span. `next` is the frame after it on
 * the line (empty for the last), for Austin's `-a` format. */
static span frame_file(span f, span next)
{
	span none = {NULL, 0};
	const char *colon, *open;

	if (f.len > 0 && f.s[f.len - 1] == ')') {
		/* py-spy: `name (file:line)` or `name (file)` */
		for (open = find_last(f.s, f.len, '('); open;
		     open = find_last(f.s, (size_t)(open - f.s), '('))
			if (open > f.s && open[-1] == ' ')
				break;
		/* py-spy's `--threads` root frame `thread (0x7f..)` names no file */
		if (!open || (open - f.s == 7 && memcmp(f.s, "thread ", 7) == 0))
			return none;
		span inner = {open + 1, (size_t)(f.s + f.len - 1 - (open + 1))};
		colon = find_last(inner.s, inner.len, ':');
		if (colon && all_digits(colon + 1, (size_t)(inner.s + inner.len - colon - 1)))
			inner.len = (size_t)(colon - inner.s);
		return inner;
	}
	/* Austin: `file:func:line`, or `file:func` before an `L<line>` frame */
	colon = find_last(f.s, f.len, ':');
	if (!colon)
		return none;
	if (next.len > 1 && next.s[0] == 'L' && all_digits(next.s + 1, next.len - 1)) {
		span file = {f.s, (size_t)(colon - f.s)};
		return file;
	}
	if (!all_digits(colon + 1, (size_t)(f.s + f.len - colon - 1)))
		return none;
	colon = find_last(f.s, (size_t)(colon - f.s), ':');
	if (!colon)
		return none;
	span file = {f.s, (size_t)(colon - f.s)};
	return file;
}

static bool is_line_frame(span f)
{
	return f.len > 1 && f.s[0] == 'L' && all_digits(f.s + 1, f.len - 1);
}

/* Adds one stack (frames separated by ';', split into *frames) with its count. */
static void add_stack(scout_profile_builder *b, span stack, double count, span **frames,
                      size_t *cap)
{
	const char *p = stack.s, *end = stack.s + stack.len;
	span none = {NULL, 0};
	size_t n = 0, leaf;

	for (;;) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		span f = {p, (size_t)((semi ? semi : end) - p)};

		SCOUT_PUSH(*frames, n, *cap, f);
		if (!semi)
			break;
		p = semi + 1;
	}
	/* Austin's `file:func;L12`: the line frame belongs to the frame before. */
	leaf = n >= 2 && is_line_frame((*frames)[n - 1]) ? n - 2 : n - 1;
	for (size_t i = 0; i <= leaf; i++) {
		span file = frame_file((*frames)[i], i + 1 < n ? (*frames)[i + 1] : none);

		if (file.len || i == leaf)
			scout_profile_builder_add(b, file.s, file.len, i == leaf ? count : 0);
	}
}

int scout_profile_read_folded(scout_profile *out, const char *data, size_t len)
{
	scout_profile_builder b;
	span *frames = NULL;
	size_t frames_cap = 0;
	const char *p = data, *end = data + len;
	size_t line = 0, good = 0;
	int error = 0;

	scout_profile_builder_init(&b, out);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		span text = {p, (size_t)((nl ? nl : end) - p)};
		const char *space;
		double count;

		p = nl ? nl + 1 : end;
		line++;
		while (text.len && (is_blank(text.s[text.len - 1]) || text.s[text.len - 1] == '\r'))
			text.len--;
		while (text.len && is_blank(text.s[0]))
			text.s++, text.len--;
		if (text.len == 0 || text.s[0] == '#')
			continue;
		space = find_last(text.s, text.len, ' ');
		if (!space)
			space = find_last(text.s, text.len, '\t');
		if (!space || memchr(text.s, '\0', text.len) ||
		    !parse_count(space + 1, (size_t)(text.s + text.len - space - 1), &count)) {
			if (good == 0)
				error = scout_error_set(
				    "not a profile: neither pstats, speedscope JSON "
				    "nor folded stacks (`frame;frame COUNT` lines)");
			else
				error = scout_error_set("folded stacks: line %zu does not end in a "
				                        "sample count",
				                        line);
			goto cleanup;
		}
		text.len = (size_t)(space - text.s);
		while (text.len && is_blank(text.s[text.len - 1]))
			text.len--;
		/* difffolded: `stack COUNT1 COUNT2`, the width is COUNT2 */
		space = find_last(text.s, text.len, ' ');
		if (space &&
		    parse_count(space + 1, (size_t)(text.s + text.len - space - 1), &(double){0}))
			text.len = (size_t)(space - text.s);
		good++;
		add_stack(&b, text, count, &frames, &frames_cap);
	}
	scout_profile_builder_finish(&b);
cleanup:
	scout_profile_builder_free(&b);
	free(frames);
	return error;
}
