/* `audit --verification FILE`: a verify JSON report read back for the audit. */
#ifndef SCOUT_AUDIT_VERIFICATION_H
#define SCOUT_AUDIT_VERIFICATION_H

#include "scout/audit.h"

/* Reads the `verification` section of the JSON report at `path` into *out
 * (new, owned: scout_audit_verified_free, then free). Returns 0 or
 * SCOUT_ERROR with the reason. */
int scout_audit_verification_read(scout_audit_verified **out, const char *path);

#endif
