/* The parts of scout_audit_build (analyzer/audit*.c), in build order. */
#ifndef SCOUT_AUDIT_BUILD_H
#define SCOUT_AUDIT_BUILD_H

#include "scout/audit.h"

/* Section 3: findings grouped by rule (audit_findings.c). */
void scout_audit_build_rules(scout_audit *a, const scout_scan *scan);
/* Section 6: compatibility risks, after the phases (audit_findings.c). */
void scout_audit_build_risks(scout_audit *a, const scout_scan *scan);
/* Section 1: the verdict in plain words, after everything else (audit_verdict.c). */
char *scout_audit_verdict_text(const scout_audit *a, const scout_scan *scan);

#endif
