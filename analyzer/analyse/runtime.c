/* Statements in function bodies, weighted by loop nesting, counted during
 * the one walk (README "Hotness"). Code at module level or in a class body
 * runs once, at import; a function body runs each time it is called, and a
 * statement in a loop runs once per iteration. */
#include "runtime.h"

/* A statement under d loops of its def weighs LOOP_FACTOR^min(d, MAX_DEPTH). */
#define LOOP_FACTOR 4u
#define MAX_DEPTH   3u

static bool is_loop(const scout_symbols *s, TSSymbol t)
{
	return t == s->for_statement || t == s->while_statement;
}

static bool is_statement(const scout_symbols *s, TSSymbol t)
{
	return t == s->expression_statement || t == s->return_statement || is_loop(s, t) ||
	       t == s->if_statement || t == s->try_statement || t == s->with_statement ||
	       t == s->match_statement || t == s->raise_statement || t == s->assert_statement ||
	       t == s->delete_statement || t == s->pass_statement || t == s->break_statement ||
	       t == s->continue_statement || t == s->global_statement ||
	       t == s->nonlocal_statement || t == s->import_statement ||
	       t == s->import_from_statement || t == s->print_statement || t == s->exec_statement;
}

bool scout_runtime_on(const scout_symbols *s, TSSymbol t)
{
	return t == s->function_definition || is_statement(s, t);
}

void scout_runtime_enter(scout_walk *w, TSSymbol t)
{
	const scout_symbols *s = w->sym;

	if (t == s->function_definition) {
		w->in_def++;
		return;
	}
	if (t == s->raise_statement)
		w->in_raise++;
	if (!w->in_def || !is_statement(s, t))
		return;
	{
		uint32_t weight = 1, depth = w->def_loops < MAX_DEPTH ? w->def_loops : MAX_DEPTH;

		for (uint32_t i = 0; i < depth; i++)
			weight *= LOOP_FACTOR;
		w->module->fn_work = w->module->fn_work > UINT32_MAX - weight
		                         ? UINT32_MAX
		                         : w->module->fn_work + weight;
	}
	if (is_loop(s, t))
		w->def_loops++;
}

void scout_runtime_leave(scout_walk *w, TSSymbol t)
{
	if (t == w->sym->function_definition) {
		if (w->in_def)
			w->in_def--;
	} else if (t == w->sym->raise_statement) {
		if (w->in_raise)
			w->in_raise--;
	} else if (is_loop(w->sym, t) && w->in_def && w->def_loops)
		w->def_loops--;
}
