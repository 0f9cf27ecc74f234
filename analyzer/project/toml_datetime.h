/* What TOML 1.0 (and Python's tomllib) refuses in a date or time that the
 * tree-sitter-toml grammar's patterns let through. Internal to
 * analyzer/project (toml.c). */
#ifndef SCOUT_PROJECT_TOML_DATETIME_H
#define SCOUT_PROJECT_TOML_DATETIME_H

#include <stddef.h>

/* Why the text of an offset_date_time, local_date_time, local_date or
 * local_time node (n bytes, as the grammar matched it) is no date or time:
 * a year of other than four digits, year 0, a day its month does not have,
 * second 60. A static string, or NULL when it is valid. */
const char *toml_datetime_fault(const char *s, size_t n);

#endif
