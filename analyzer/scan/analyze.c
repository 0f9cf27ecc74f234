/* Per-module analysis: parse with this worker's parser, walk once, free the
 * tree, keep only the plain result. */
#include "scout/analyze.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scout/nesting.h"
#include "scout/syntax.h"
#include "scout/tree_index.h"
#include "scout/tokens.h"
#include "scout/walk.h"
#include "registry.h"

/* A parse that takes longer than this is abandoned with a diagnostic. */
#define PARSE_TIMEOUT_MICROS (60ull * 1000 * 1000)

struct scout_analyzer {
	TSParser *parser;
	const scout_rule_config *config;
	scout_walk walk; /* reused between modules: keeps its stack allocation */
};

scout_analyzer *scout_analyzer_new(const scout_rule_config *config)
{
	scout_analyzer *a = scout_calloc(1, sizeof(*a));
	size_t nrules;

	scout_rules_all(&nrules); /* builds the rule dispatch table once */
	a->config = config;
	a->walk.visitor = &scout_rules_visitor;
	a->parser = ts_parser_new();
	if (!ts_parser_set_language(a->parser, tree_sitter_python())) {
		ts_parser_delete(a->parser);
		free(a);
		return NULL;
	}
	ts_parser_set_timeout_micros(a->parser, PARSE_TIMEOUT_MICROS);
	return a;
}

void scout_analyzer_free(scout_analyzer *a)
{
	if (!a)
		return;
	ts_parser_delete(a->parser);
	scout_walk_release(&a->walk);
	scout_source_thread_release();
	free(a);
}

void scout_file_result_add_diag(scout_file_result *r, const char *path, scout_diag_kind kind,
                                uint32_t line, const char *message)
{
	scout_diagnostic d;

	scout_diag_init(&d, path, kind, line, message);
	SCOUT_PUSH(r->diags, r->ndiags, r->diags_cap, d);
}

void scout_file_result_clear(scout_file_result *r)
{
	scout_module_clear(&r->module);
	for (size_t i = 0; i < r->ndiags; i++)
		scout_diag_clear(&r->diags[i]);
	free(r->diags);
	memset(r, 0, sizeof(*r));
}

/* Copies into the result the binding mypy uses for each module-level name,
 * the star imports and the names __all__ lists (the names table itself borrows the tree's source),
 * and what the analysis asked of other modules. */
static void keep_bindings(scout_module *m, const scout_names *names)
{
	m->bindings = scout_calloc(names->len ? names->len : 1, sizeof(*m->bindings));
	for (size_t i = 0; i < names->len; i++) {
		const scout_name_entry *e = &names->entries[i];
		scout_binding *b = &m->bindings[m->nbindings];

		if (e->kind != SCOUT_BIND_STAR && e->kind != SCOUT_BIND_EXPORT &&
		    scout_names_lookup(names, e->local, strlen(e->local)) != e)
			continue; /* a redefinition: mypy keeps the first */
		b->local = scout_strdup(e->local);
		b->target = scout_strdup(e->target);
		b->line = e->line;
		b->column = e->column;
		b->kind = (uint8_t)e->kind;
		m->nbindings++;
	}
	m->asked = scout_names_asked_list(names, &m->nasked);
}

/* A module whose brackets nest deeper than CPython allows is a syntax error
 * for CPython's tokenizer too; it is reported without parsing, since the
 * grammar's parser crashes on tens of thousands of open brackets. */
static bool too_deep(const scout_analyzer *a, scout_file_result *r, const scout_source *src)
{
	const scout_rule *rule = &scout_rule_syntax_error;
	scout_module *m = &r->module;
	uint32_t line;
	char message[120];

	if (!scout_nesting_exceeds(&line, src->data, src->len, SCOUT_NESTING_PYTHON,
	                           SCOUT_PYTHON_MAX_NESTING))
		return false;
	snprintf(message, sizeof(message),
	         "syntax error: too many nested parentheses (CPython allows %d)",
	         SCOUT_PYTHON_MAX_NESTING);
	if (!scout_rule_ignored_in(rule, a->config, m->path))
		scout_module_add_finding(m, rule->id, rule->category, line, 1, line, 1, message,
		                         rule->fix);
	scout_file_result_add_diag(r, m->path, SCOUT_DIAG_SYNTAX_ERROR, line, message);
	r->has_module = true;
	return true;
}

/* True (with a diagnostic) when the file has more tokens than one file's
 * analysis may take: the parse tree alone would take gigabytes. */
static bool over_budget(scout_file_result *r, const scout_source *src)
{
	char message[160];

	/* A token takes at least a byte: a file no longer than the budget is
	 * within it without counting. */
	if (src->len <= SCOUT_ANALYSIS_MAX_TOKENS)
		return false;
	if (scout_tokens_estimate(src->data, src->len, SCOUT_ANALYSIS_MAX_TOKENS + 1) <=
	    SCOUT_ANALYSIS_MAX_TOKENS)
		return false;
	snprintf(message, sizeof(message),
	         "more than %zu tokens, over the per-file analysis budget (the parse tree "
	         "alone would take about %zu MiB); not analysed",
	         SCOUT_ANALYSIS_MAX_TOKENS, SCOUT_ANALYSIS_MAX_TOKENS * 500 >> 20);
	scout_file_result_add_diag(r, r->module.path, SCOUT_DIAG_TOO_LARGE, 0, message);
	return true;
}

static bool has_rule(const scout_module *m, const char *rule)
{
	for (size_t i = 0; i < m->nfindings; i++)
		if (strcmp(m->findings[i].rule, rule) == 0)
			return true;
	return false;
}

/* True when a t-string finding is on `line`. */
static bool t_string_on(const scout_module *m, uint32_t line)
{
	for (size_t i = 0; i < m->nfindings; i++)
		if (m->findings[i].line == line && strcmp(m->findings[i].rule, "t-string") == 0)
			return true;
	return false;
}

/* The bundled grammar does not know the t prefix, so a t-string also reads
 * as a syntax error or a Python 2 print statement on its line: the t-string
 * finding explains those, and they would report the one construct twice. */
static void drop_explained(scout_module *m)
{
	size_t kept = 0;

	for (size_t i = 0; i < m->nfindings; i++) {
		const char *rule = m->findings[i].rule;

		if ((strcmp(rule, "syntax-error") == 0 || strcmp(rule, "python2") == 0) &&
		    t_string_on(m, m->findings[i].line)) {
			scout_finding_clear(&m->findings[i]);
			continue;
		}
		m->findings[kept++] = m->findings[i];
	}
	m->nfindings = kept;
}

/* The diagnostic for a tree that did not parse: the certain syntax error the
 * walk reported (syntax_check.c), or else, unless the module is Python 2 code
 * (the python2 rule fired), a grammar gap: the module's verdict is unknown. */
static void note_syntax(scout_file_result *r, const scout_walk *w)
{
	scout_module *m = &r->module;
	char message[200];

	if (w->has_error) {
		for (size_t i = 0; i < m->nfindings; i++)
			if (strcmp(m->findings[i].rule, "syntax-error") == 0) {
				scout_file_result_add_diag(r, m->path, SCOUT_DIAG_SYNTAX_ERROR,
				                           m->findings[i].line,
				                           m->findings[i].message);
				break;
			}
		return;
	}
	if (!w->gap.line || has_rule(m, "python2") || t_string_on(m, w->gap.line))
		return; /* Python 2 code, or a t-string: the finding says why */
	m->grammar_gap_line = w->gap.line;
	snprintf(message, sizeof(message),
	         "the bundled grammar (%s) cannot parse line %u; it may be valid newer Python",
	         SCOUT_PYTHON_GRAMMAR, w->gap.line);
	scout_file_result_add_diag(r, m->path, SCOUT_DIAG_GRAMMAR_GAP, w->gap.line, message);
}

int scout_analyze_source(scout_analyzer *a, scout_file_result *r, const scout_source *src)
{
	scout_module *m = &r->module;
	scout_names names;
	TSTree *tree;
	const scout_tix *tix;

	m->lines = scout_source_count_lines(src->data, src->len);
	m->is_package = scout_str_endswith(m->path ? m->path : "", "__init__.py");
	if (over_budget(r, src))
		return SCOUT_ERROR;
	if (too_deep(a, r, src))
		return 0;
	tree = ts_parser_parse_string(a->parser, NULL, src->data, (uint32_t)src->len);
	if (!tree) {
		ts_parser_reset(a->parser);
		scout_file_result_add_diag(r, m->path, SCOUT_DIAG_TOO_LARGE, 0,
		                           "parsing took too long and was abandoned");
		return SCOUT_ERROR;
	}
	a->walk.src = src->data;
	a->walk.len = src->len;
	a->walk.depth = 0;
	a->walk.in_type = 0;
	a->walk.has_error = false;
	memset(&a->walk.gap, 0, sizeof(a->walk.gap));
	a->walk.module = m;
	a->walk.config = a->config;
	tix = scout_tix_build(ts_tree_root_node(tree)); /* for the bindings and the walk */
	scout_names_build(&names, ts_tree_root_node(tree), src->data, m->module, m->is_package,
	                  a->config ? &a->config->target : NULL,
	                  a->config ? a->config->resolver : NULL);
	a->walk.names = &names;
	scout_walk_module(&a->walk, tix);
	keep_bindings(m, &names);
	a->walk.names = NULL;
	scout_names_clear(&names);
	ts_tree_delete(tree);
	r->has_module = true;
	drop_explained(m);
	note_syntax(r, &a->walk);
	return 0;
}

void scout_analyze_file(scout_analyzer *a, scout_file_result *r, const char *fs_path,
                        const char *rel, const char *module)
{
	scout_source src;
	scout_load_error err;

	r->module.path = scout_strdup(rel);
	r->module.module = scout_strdup(module);
	if (scout_source_load(&src, fs_path, &err) < 0) {
		scout_file_result_add_diag(r, rel, err.kind, err.line, err.message);
		return;
	}
	scout_analyze_source(a, r, &src);
	scout_source_free(&src);
}
