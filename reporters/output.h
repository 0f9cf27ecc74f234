/* The last step of every format that builds its document in a scout_buf
 * (text, github, junit, json-lines, the job summary, the audit's HTML and
 * Markdown): the bytes out to the stream, with one way to report a failure. */
#ifndef SCOUT_OUTPUT_H
#define SCOUT_OUTPUT_H

#include <stdio.h>

#include "scout/common.h"

/* Writes b's bytes to out and flushes out; frees b in every case. Returns 0,
 * or SCOUT_EIO with "could not write <what>" in scout_error_last(). */
int scout_output_write(FILE *out, scout_buf *b, const char *what);

#endif
