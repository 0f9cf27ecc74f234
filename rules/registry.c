/* The one list of rule families; every rule the tool knows comes from here,
 * with a dispatch table from node type to the rules that check it. */
#include "registry.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Every file that defines rules, folder by folder (rules/README.md): each
 * ends with SCOUT_FAMILY(scout_family_<folder>_<file>, ...). The order does
 * not matter: the rules are sorted by id. */
// clang-format off
#define SCOUT_FAMILIES(X) \
	X(classes_body) \
	X(classes_bases) \
	X(classes_native) \
	X(classes_mypyc_attr) \
	X(classes_deletable) \
	X(classes_variables) \
	X(classes_attributes) \
	X(classes_instances) \
	X(classes_overrides) \
	X(methods_dunders) \
	X(methods_new) \
	X(methods_properties) \
	X(methods_signatures) \
	X(methods_first_argument) \
	X(methods_base_init) \
	X(functions_locals) \
	X(functions_none_locals) \
	X(functions_none_narrowing) \
	X(functions_singledispatch) \
	X(functions_generators) \
	X(functions_calls) \
	X(types_annotations) \
	X(types_values) \
	X(types_native_ints) \
	X(statements_conditional) \
	X(statements_loops) \
	X(statements_syntax) \
	X(statements_imports) \
	X(statements_star_imports) \
	X(statements_globals) \
	X(statements_type_ignores) \
	X(statements_exceptions) \
	X(statements_jumps) \
	X(runtime_introspection) \
	X(runtime_process) \
	X(project_mypy_config) \
	X(project_plan_risks)
// clang-format on

#define SCOUT_FAMILY_DECLARE(f) extern const scout_rule_family scout_family_##f;
SCOUT_FAMILIES(SCOUT_FAMILY_DECLARE)
#undef SCOUT_FAMILY_DECLARE

#define SCOUT_FAMILY_ITEM(f) &scout_family_##f,
static const scout_rule_family *const families[] = {SCOUT_FAMILIES(SCOUT_FAMILY_ITEM)};
#undef SCOUT_FAMILY_ITEM

typedef struct dispatch {
	size_t *rules; /* indexes into all_rules */
	size_t len, cap;
} dispatch;

/* One bit per key in 0..255: which identifiers a rule with words may care
 * about, by word_key (see scout_rule.words), or which callees a rule with
 * callees may care about, by tail (see scout_names_tail). */
typedef struct key_filter {
	uint64_t bits[4];
} key_filter;

static const scout_rule **all_rules;
static key_filter *word_filters;   /* per rule, when it has words */
static key_filter *callee_filters; /* per rule with callees: their tails */
static size_t nall;
static dispatch *by_symbol;
static size_t nsymbols;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int compare_ids(const void *pa, const void *pb)
{
	const scout_rule *const *a = pa, *const *b = pb;

	return strcmp((*a)->id, (*b)->id);
}

/* A cheap key of a word: its length, first and last byte, in 0..255. */
static uint32_t word_key(const char *text, size_t len)
{
	if (len == 0)
		return 0;
	return ((uint32_t)len * 31u + (unsigned char)text[0] * 7u + (unsigned char)text[len - 1]) &
	       255;
}

static void build_filters(void)
{
	word_filters = scout_calloc(nall ? nall : 1, sizeof(*word_filters));
	callee_filters = scout_calloc(nall ? nall : 1, sizeof(*callee_filters));
	for (size_t i = 0; i < nall; i++) {
		for (const char *const *word = all_rules[i]->words; word && *word; word++) {
			uint32_t k = word_key(*word, strlen(*word));

			word_filters[i].bits[k >> 6] |= 1ull << (k & 63);
		}
		for (const char *const *const *list = all_rules[i]->callees; list && *list; list++)
			scout_names_tail_bits(*list, callee_filters[i].bits);
	}
}

static void build(void)
{
	const TSLanguage *lang = tree_sitter_python();
	size_t cap = 0;

	SCOUT_PUSH(all_rules, nall, cap, &scout_rule_syntax_error);
	SCOUT_PUSH(all_rules, nall, cap, &scout_rule_unused_suppression);
	for (size_t f = 0; f < sizeof(families) / sizeof(*families); f++)
		for (size_t i = 0; i < families[f]->count; i++)
			SCOUT_PUSH(all_rules, nall, cap, families[f]->rules[i]);
	qsort(all_rules, nall, sizeof(*all_rules), compare_ids);
	build_filters();
	nsymbols = ts_language_symbol_count(lang) + 1;
	by_symbol = scout_calloc(nsymbols, sizeof(*by_symbol));
	for (size_t i = 0; i < nall; i++) {
		const char *on = all_rules[i]->on;

		if (!all_rules[i]->enter || !on)
			continue;
		while (*on) { /* "lambda,function_definition": each type in turn */
			size_t len = strcspn(on, ",");
			TSSymbol sym = ts_language_symbol_for_name(lang, on, (uint32_t)len, true);

			if (sym == 0 || sym >= nsymbols)
				abort(); /* a rule names a node type the grammar lacks */
			SCOUT_PUSH(by_symbol[sym].rules, by_symbol[sym].len, by_symbol[sym].cap, i);
			on += len + (on[len] == ',');
		}
	}
}

const scout_rule *const *scout_rules_all(size_t *count)
{
	pthread_once(&once, build);
	*count = nall;
	return all_rules;
}

const scout_rule *scout_rules_find(const char *id)
{
	size_t n, lo = 0, hi;
	const scout_rule *const *rules = scout_rules_all(&n);

	for (hi = n; lo < hi;) { /* the table is in id order */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(rules[mid]->id, id);

		if (c == 0)
			return rules[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t scout_rules_index(const scout_rule *rule)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	for (size_t i = 0; i < n; i++)
		if (rules[i] == rule)
			return i;
	return (size_t)-1;
}

bool scout_rule_active(const scout_rule *rule, size_t index, const scout_rule_config *config)
{
	uint32_t v = config && config->mypyc_version ? config->mypyc_version : SCOUT_MYPYC_CURRENT;

	if (config && config->enabled && index != (size_t)-1 && !config->enabled[index])
		return false;
	return (rule->since == 0 || v >= rule->since) && (rule->until == 0 || v < rule->until);
}

/* The rules each node type runs under one configuration, worked out once
 * per configuration instead of at every node: rules[start[t] ..
 * start[t + 1]) for symbol t, in registration order (indexes into
 * all_rules and the filters). */
struct scout_rule_plan {
	uint32_t *start; /* nsymbols + 1 offsets */
	uint32_t *rules;
};

static void plan_free(struct scout_rule_plan *plan)
{
	if (!plan)
		return;
	free(plan->start);
	free(plan->rules);
	free(plan);
}

static struct scout_rule_plan *plan_rules(const scout_rule_config *config)
{
	struct scout_rule_plan *p = scout_calloc(1, sizeof(*p));
	bool *active = scout_malloc(nall ? nall : 1);
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < nall; i++)
		active[i] = scout_rule_active(all_rules[i], i, config);
	p->start = scout_calloc(nsymbols + 1, sizeof(*p->start));
	for (size_t t = 0; t < nsymbols; t++) {
		p->start[t] = (uint32_t)n;
		for (size_t i = 0; i < by_symbol[t].len; i++) {
			size_t r = by_symbol[t].rules[i];

			if (!active[r])
				continue;
			SCOUT_PUSH(p->rules, n, cap, (uint32_t)r);
		}
	}
	p->start[nsymbols] = (uint32_t)n;
	free(active);
	return p;
}

static const struct scout_rule_plan *plan_of(scout_walk *w)
{
	if (!w->plan || w->plan_for != w->config) {
		plan_free(w->plan);
		w->plan = plan_rules(w->config);
		w->plan_for = w->config;
	}
	return w->plan;
}

static bool wants(TSSymbol t)
{
	pthread_once(&once, build);
	return t < nsymbols && by_symbol[t].len;
}

/* The word key of an identifier's text, or 256 when it has none (the
 * checks then decide). */
static uint32_t node_word_key(const scout_walk *w, TSNode node)
{
	uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);

	return end <= start || end > w->len ? 256 : word_key(w->src + start, end - start);
}

/* Whether a filter's bit `key` is set; keys past 255 pass every filter. */
static bool filter_has(const key_filter *f, uint32_t key)
{
	return key > 255 || f->bits[key >> 6] >> (key & 63) & 1;
}

static void enter(scout_walk *w, TSNode node)
{
	const struct scout_rule_plan *p;
	TSSymbol sym = w->symbol;
	uint32_t key = UINT32_MAX, tail = UINT32_MAX; /* not worked out yet */

	if (sym >= nsymbols || !by_symbol[sym].len)
		return;
	p = plan_of(w);
	for (uint32_t i = p->start[sym]; i < p->start[sym + 1]; i++) {
		const scout_rule *rule = all_rules[p->rules[i]];

		if (rule->words) {
			if (key == UINT32_MAX)
				key = node_word_key(w, node);
			if (!filter_has(&word_filters[p->rules[i]], key))
				continue;
		}
		if (rule->callees && sym == w->sym->call && w->names) {
			if (tail == UINT32_MAX)
				tail = scout_names_tail(
				    w->names, scout_node_field(node, w->sym->f_function), w->src);
			if (!filter_has(&callee_filters[p->rules[i]], tail))
				continue;
		}
		rule->enter(w, node, rule);
	}
}

const scout_walk_visitor scout_rules_visitor = {
    .wants = wants,
    .enter = enter,
    .release = plan_free,
    .knows = scout_rules_knows,
};
