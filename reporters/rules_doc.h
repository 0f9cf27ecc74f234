/* `mypyc-scout rules [ID]`: the documentation of every rule, from the tables. */
#ifndef SCOUT_RULES_DOC_H
#define SCOUT_RULES_DOC_H

#include <stdio.h>

#include "scout/common.h"

/* Writes the list of rules (id == NULL), those of the category `id` names, or
 * one rule's full documentation, as text or JSON; the list marks advisory
 * rules. Returns 0, SCOUT_ENOTFOUND for an unknown id (the message suggests
 * the nearest) or SCOUT_EIO
 * when the JSON could not be built or written (message in scout_error_last()). */
int scout_rules_doc_write(FILE *out, const char *id, bool json);

/* Writes the Markdown table of every rule that README.md embeds. */
void scout_rules_doc_markdown(FILE *out);

#endif
