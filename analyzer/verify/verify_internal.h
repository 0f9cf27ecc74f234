/* The verify stage's internals: reading the compiler's output (output.c),
 * the set to compile (set.c), predicted against real (compare.c). */
#ifndef SCOUT_VERIFY_INTERNAL_H
#define SCOUT_VERIFY_INTERNAL_H

#include "scout/verify.h"

/* At most this many unread lines kept per compile. */
#define VERIFY_UNPARSED_MAX 200

/* Reads the compiler's output into r->errors and r->unparsed (the latter
 * only when `failed`): errors mapped to the scan's modules by path, paths
 * under `scratch` made relative. */
void verify_output_read(scout_verify_round *r, const char *output, const scout_scan *scan,
                        const char *scratch, bool failed);

/* The module whose path is `path` (relative, '/'-separated), or SIZE_MAX. */
size_t verify_module_by_path(const scout_scan *scan, const char *path);

/* The modules --set names, in scan order without repeats, into *out (owned,
 * free with free()); *name the set's description (owned). Returns 0 or
 * SCOUT_EUSAGE with the word that names nothing. */
int verify_set_resolve(size_t **out, size_t *n, char **name, const scout_scan *scan,
                       const char *const *words, size_t nwords);

/* The scan's prediction for module i: true when it should compile. */
bool verify_predicted_ready(const scout_scan *scan, size_t i);

/* --import and --test (opts->import, opts->test) against the verified set
 * built in opts->scratch. Returns 0, or an error when the test command
 * cannot be read or started. */
int verify_runtime(scout_verification *v, const scout_scan *scan, const scout_verify_opts *o);
/* --test run on the copy before any compile (the interpreted baseline). */
int verify_baseline(scout_verification *v, const scout_scan *scan, const scout_verify_opts *o);

/* Fills v->modules' outcomes, counts and agreement from the rounds. */
void verify_compare(scout_verification *v, const scout_scan *scan);

#endif
