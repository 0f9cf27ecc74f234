/* Per-module analysis: parse, one cursor walk, metrics and rules. */
#ifndef SCOUT_ANALYZE_H
#define SCOUT_ANALYZE_H

#include "scout/result.h"
#include "scout/source.h"
#include "scout/walk.h"

/* One per worker thread: owns a tree-sitter parser. */
typedef struct scout_analyzer scout_analyzer;

/* A new analyzer (free with scout_analyzer_free); config is borrowed for its
 * lifetime, NULL meaning every rule for the current mypyc. NULL when the
 * grammar cannot be loaded. */
scout_analyzer *scout_analyzer_new(const scout_rule_config *config);
void scout_analyzer_free(scout_analyzer *a);

/* What analysing one file gives: the module (unless it could not be read) and
 * the file's diagnostics. */
typedef struct scout_file_result {
	scout_module module;
	bool has_module;
	scout_diagnostic *diags; /* owned */
	size_t ndiags, diags_cap;
} scout_file_result;

void scout_file_result_add_diag(scout_file_result *r, const char *path, scout_diag_kind kind,
                                uint32_t line, const char *message);
void scout_file_result_clear(scout_file_result *r);

/* Analyses `src` into r->module, whose path and module name the caller has
 * set. The tree is freed before this returns. Returns 0, or SCOUT_ERROR when
 * the parse could not finish (time-out), with a diagnostic added to r. */
int scout_analyze_source(scout_analyzer *a, scout_file_result *r, const scout_source *src);

/* Loads the file at fs_path and analyses it (a convenience for one file). */
void scout_analyze_file(scout_analyzer *a, scout_file_result *r, const char *fs_path,
                        const char *rel, const char *module);

#endif
