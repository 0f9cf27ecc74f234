/* The audit's verified section (verified.c). */
#ifndef SCOUT_AUDIT_VERIFIED_H
#define SCOUT_AUDIT_VERIFIED_H

#include "markdown.h"

/* Appends the section when the audit has a verification (else nothing). */
void scout_md_verified(scout_md_ctx *c);
void scout_audit_html_verified(scout_buf *b, const scout_audit *a);

#endif
