/* One place for every escaping rule of every output format. */
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
 * %25 %0D %0A; a property value additionally with : and , as %3A and %2C. */
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

/* Text for one line of CommonMark / GitHub Markdown (SARIF help.markdown):
 * valid UTF-8; code spans (`...`, a backtick run closed by a run of the same
 * length) kept as they are; elsewhere \ * _ [ ] < > | ~ & # ! and unmatched
 * backticks backslash-escaped, so `__main__` outside a code span stays literal;
 * CR, LF and other C0 controls become spaces, so the text stays one line. */
void scout_escape_markdown_inline(scout_buf *b, const char *s);

#endif
