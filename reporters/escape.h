/* One place for every escaping rule of every output format: escape.c, and
 * escape_markdown.c for Markdown. Each takes a string from the scan (NULL is
 * "") and appends its escaped form to b. */
#ifndef SCOUT_ESCAPE_H
#define SCOUT_ESCAPE_H

#include "scout/common.h"

/* Appends s to b with invalid UTF-8 replaced by U+FFFD, so every format gets
 * valid text. */
void scout_escape_utf8(scout_buf *b, const char *s);
/* A new valid-UTF-8 copy of s (owned by caller, free with free()). */
char *scout_escape_utf8_dup(const char *s);
/* True when s (NULL is "") is valid UTF-8: scout_escape_utf8 would copy it. */
bool scout_utf8_is_valid(const char *s);
/* Text for a terminal: valid UTF-8 and no control characters (C0, DEL, C1 as
 * \xNN), so a hostile name cannot move the cursor or recolour the screen. */
void scout_escape_terminal(scout_buf *b, const char *s);

/* GitHub Actions workflow commands (`::error file=...::data`), exactly as
 * @actions/core escapes them, on valid UTF-8: the data part with % CR LF as
 * %25 %0D %0A; a property value additionally with : and , as %3A and %2C.
 * The other controls (ESC, C1, DEL; not TAB) become \xNN. */
void scout_escape_github_data(scout_buf *b, const char *s);
void scout_escape_github_property(scout_buf *b, const char *s);

/* A relative path as a URI reference (RFC 3986): every byte other than the
 * unreserved characters (A-Z a-z 0-9 - . _ ~) and the '/' separator is
 * percent-encoded with upper-case hex, so spaces, %, #, ?, : (which would
 * otherwise read as a scheme) and non-ASCII (its UTF-8 bytes) are safe. Works
 * on bytes: an ill-formed UTF-8 byte is encoded as itself (%FF), so the URI
 * still names the file on disk. */
void scout_escape_uri_path(scout_buf *b, const char *s);

/* Text for XML 1.0 element content and attribute values (either quote):
 * & < > " ' as entities, TAB LF CR as character references (attribute
 * normalisation would fold them), and the characters XML 1.0 forbids (the
 * other C0 controls, U+FFFE, U+FFFF) and ill-formed UTF-8 as U+FFFD. */
void scout_escape_xml(scout_buf *b, const char *s);

/* Text for HTML5 element content and double-quoted attribute values: valid
 * UTF-8 (ill-formed bytes as U+FFFD); & < > " ' as &amp; &lt; &gt; &quot;
 * &#39;; TAB and LF kept; the other C0 controls (CR included), DEL, the C1
 * controls and the noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF), which
 * HTML calls parse errors, as U+FFFD. For an href, escape the path with
 * scout_escape_uri_path first and this second. */
void scout_escape_html(scout_buf *b, const char *s);

/* s as the inside of a double-quoted Python or TOML basic string (the plan's
 * paste-ready snippets): valid UTF-8; \ and " backslash-escaped; C0 controls
 * and DEL as \uXXXX (toml) or \xNN (Python). */
void scout_escape_string_literal(scout_buf *b, const char *s, bool toml);

/* ---- Markdown (escape_markdown.c) ---- */

/* Text for one line of CommonMark / GitHub Markdown (SARIF help.markdown, the
 * job summary): valid UTF-8; code spans (`...`, a backtick run closed by a run
 * of the same length) kept as they are; elsewhere \ * _ [ ] < > | ~ & # ! and
 * unmatched backticks backslash-escaped, so `__main__` outside a code span
 * stays literal; CR, LF and other C0 controls become spaces, so the text stays
 * one line. */
void scout_escape_markdown_inline(scout_buf *b, const char *s);
/* Prose where GitHub notifies @names (the Markdown audit, pasted as a
 * comment): scout_escape_markdown_inline, then every would-be mention outside
 * code spans (@contextmanager, letters, digits, - . _) as a code span. */
void scout_escape_markdown_text(scout_buf *b, const char *s);
/* Markdown (already escaped, or our own) made fit for a GitHub table cell: a
 * backslash before every `|`, which GitHub's table parser (cmark-gfm's
 * table_cell, and markdown-it alike) takes away again before it parses the
 * cell's inlines, so the cell shows what s shows outside a table, code spans
 * included; CR and LF as spaces, since a row is one line. Works on bytes. */
void scout_escape_markdown_pipes(scout_buf *b, const char *s);
/* Prose in a table cell: scout_escape_markdown_text, then
 * scout_escape_markdown_pipes. */
void scout_escape_markdown_cell(scout_buf *b, const char *s);
/* s as one code span: valid UTF-8, controls as spaces, fenced with one
 * backtick more than its longest run (padded with a space where CommonMark
 * would strip one or a backtick would touch the fence); `cell` also escapes
 * `|` for a table cell. */
void scout_escape_markdown_code(scout_buf *b, const char *s, bool cell);
/* A fenced code block of `text` (made valid UTF-8), fenced with more
 * backticks than any run inside it (three at least); lang may be NULL. Starts
 * and ends at a line start. */
void scout_escape_markdown_fence(scout_buf *b, const char *lang, const char *text);

#endif
