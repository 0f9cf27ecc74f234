/* Generators: async generators mypyc cannot compile, generator functions
 * and generator expressions it compiles slowly or eagerly
 * (mypyc/irbuild/generator.py, specialize.py). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

/* --- async generators -------------------------------------------------------- */

static void check_async_generator(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1);
	char message[256];

	if (ts_node_is_null(def) || !scout_defs_is_async(w, def))
		return;
	snprintf(message, sizeof(message),
	         "yield in async def %.*s makes it an async generator: mypyc reports \"async "
	         "generators are unimplemented\"",
	         SCOUT_TEXT_ARG(scout_defs_name(w, def), w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_async_generator = {
    .id = "async-generator",
    .category = SCOUT_BLOCKER,
    .title = "yield inside async def (async generator)",
    .why = "mypyc reports \"async generators are unimplemented\"",
    .bad = "async def numbers() -> AsyncIterator[int]:\n    yield 1\n",
    .good = "async def numbers() -> list[int]:\n    return [1]\n",
    .fix = "return a list (or a sync iterator), or write an async iterator class with "
           "__aiter__/__anext__",
    .docs = SCOUT_DOCS_DIFF,
    .since = SCOUT_V(0, 920, 0),
    .on = "yield",
    .enter = check_async_generator};

/* Consumers mypyc specialises for a generator argument (specialize.py). */
static const char *const consume_one[] = {"builtins.list", "builtins.set", "builtins.any",
                                          "builtins.all", NULL};

static const char *const consume_two[] = {"builtins.sum", "builtins.next", NULL};

static const char *const consume_any[] = {
    "builtins.tuple", "builtins.frozenset", "builtins.dict",           "builtins.min",
    "builtins.max",   "builtins.sorted",    "collections.OrderedDict", NULL,
};

static bool is_consumer(const scout_walk *w, TSNode call, uint32_t nargs)
{
	const scout_symbols *s = w->sym;
	TSNode callee = scout_node_field(call, s->f_function);

	if (scout_nodes_is(callee, s->attribute)) {
		/* str.join, list.extend, dict.update, set.update: the receiver's type
		 * needs a type checker; any such method counts (no false alarms). */
		TSNode attr = scout_node_field(callee, s->f_attribute);

		if (scout_node_text_is(attr, w->src, "join") ||
		    scout_node_text_is(attr, w->src, "extend") ||
		    scout_node_text_is(attr, w->src, "update"))
			return true;
	}
	if (scout_walk_is(w, callee, consume_any))
		return true;
	if (nargs <= 2 && scout_walk_is(w, callee, consume_two))
		return true;
	return nargs == 1 && scout_walk_is(w, callee, consume_one);
}

static void check_genexp(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode parent = scout_walk_ancestor(w, 1), call = SCOUT_NULL_NODE;
	char message[320];

	if (scout_nodes_is(parent, w->sym->list_splat) ||
	    scout_nodes_is(parent, w->sym->dictionary_splat))
		return; /* f(*(g for g in x)): CPython consumes it eagerly too */
	if (scout_nodes_is(parent, s->call)) {
		call = parent;
		if (is_consumer(w, call, 1))
			return;
	} else if (scout_nodes_is(parent, s->argument_list)) {
		call = scout_walk_ancestor(w, 2);
		if (ts_node_eq(scout_nodes_argument_at(w, parent, 0), node) &&
		    is_consumer(w, call, scout_nodes_argument_count(w, parent)))
			return;
	}
	if (!ts_node_is_null(call)) {
		const char *text;
		int n = scout_nodes_clip_line(scout_node_field(call, s->f_function), w->src, &text);

		snprintf(message, sizeof(message),
		         "generator expression passed to %.*s() is built as a whole list first "
		         "(mypyc: \"Treating generator comprehension as list\"): every item is "
		         "computed before the call sees one",
		         n, text);
	} else {
		snprintf(message, sizeof(message),
		         "generator expression is built as a whole list first (mypyc: \"Treating "
		         "generator comprehension as list\"): every item is computed at once, "
		         "not on demand");
	}
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_generator_expression_eager = {
    .id = "generator-expression-eager",
    .category = SCOUT_BEHAVIOUR,
    .title = "generator expression built eagerly as a list",
    .why = "outside list(), tuple(), set(), any(), all(), sum(), next(), min(), max(), "
           "sorted(), dict(), frozenset(), str.join and the like, mypyc builds a "
           "generator expression as a list (since 1.0.0 it warns \"Treating generator "
           "comprehension as list\")",
    .bad = "def make(xs: list[int]) -> Iterator[int]:\n    return (f(x) for x in xs)\n",
    .good = "def make(xs: list[int]) -> Iterator[int]:\n    for x in xs:\n        yield "
            "f(x)\n",
    .fix = "write a generator function (yield) where items must be produced lazily, or "
           "pass the generator straight to a consumer such as list() or any()",
    .docs = SCOUT_DOCS_DIFF,
    .on = "generator_expression",
    .enter = check_genexp};

/* True when the module already has a finding of `self` at `n`'s start. */
static bool reported_at(const scout_walk *w, const scout_rule *self, TSNode n)
{
	uint32_t line, column;

	scout_walk_node_start(w, n, &line, &column);
	for (size_t i = w->module->nfindings; i-- > 0;) {
		const scout_finding *f = &w->module->findings[i];

		if (f->rule == self->id && f->line == line && f->column == column)
			return true;
	}
	return false;
}

static void check_generator(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1), name;
	char message[320];
	const char *text;
	int n;

	if (ts_node_is_null(def) || scout_defs_is_async(w, def)) /* async generators: a blocker */
		return;
	name = scout_node_field(def, w->sym->f_name);
	if (ts_node_is_null(name) || reported_at(w, self, name))
		return;
	n = scout_nodes_clip_line(name, w->src, &text);
	snprintf(message, sizeof(message),
	         "function %.*s is a generator: mypyc compiles it to a generator object whose "
	         "every step is a call, slower than building and returning a list",
	         n, text);
	scout_walk_report(w, self, name, message, NULL);
}

static const scout_rule rule_generator_functions = {
    .id = "generator-functions",
    .category = SCOUT_SLOW,
    .title = "generator function",
    .why = "generators compile to generator objects; each step is a call and they are "
           "relatively slow",
    .bad = "def squares(n: int) -> Iterator[int]:\n    for i in range(n):\n        yield i "
           "* i\n",
    .good = "def squares(n: int) -> list[int]:\n    return [i * i for i in range(n)]\n",
    .fix = "return a list where the items are all used anyway",
    .docs = SCOUT_DOCS_PERF,
    .on = "yield",
    .enter = check_generator};

SCOUT_FAMILY(scout_family_functions_generators, &rule_async_generator,
             &rule_generator_expression_eager, &rule_generator_functions);
