/* Introspection and dynamic lookups: frames, locals(), eval(), inspect,
 * profilers, debuggers and recursion limits that compiled functions do not
 * serve, and getattr()/__dict__ access that bypasses native attributes
 * (differences_from_python.rst). The identifier checks reject most
 * identifiers after one length or parent test, and only look at ancestors. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* --- run-time introspection ------------------------------------------------------ */

static uint32_t argument_count(const scout_walk *w, TSNode call)
{
	return scout_nodes_argument_count(w, scout_node_field(call, w->sym->f_arguments));
}

static const char *const frames[] = {
    "sys._getframe",          "sys._getframemodulename", "inspect.currentframe",
    "inspect.stack",          "traceback.extract_stack", "traceback.print_stack",
    "traceback.format_stack", "traceback.walk_stack",    NULL};

static const char *const locals[] = {"builtins.locals", NULL};

static const char *const vars[] = {"builtins.vars", NULL};

static const char *const evals[] = {"builtins.eval", "builtins.exec", NULL};

static const char *const *const frame_callees[] = {frames, locals, vars, evals, NULL};

static void check_frame_introspection(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_node_field(node, w->sym->f_function);
	const char *effect;
	char message[256];

	if (ts_node_is_null(fn) ||
	    (ts_node_symbol(fn) != w->sym->identifier && ts_node_symbol(fn) != w->sym->attribute))
		return;
	if (scout_walk_is(w, fn, locals) ||
	    (scout_walk_is(w, fn, vars) && argument_count(w, node) == 0))
		effect = "returns the locals of the calling Python frame, not of this compiled "
		         "function";
	else if (scout_walk_is(w, fn, evals) && argument_count(w, node) < 2)
		effect = "runs in the namespace of the calling Python frame, not of this "
		         "compiled function";
	else if (scout_walk_is(w, fn, frames))
		effect = "sees no frames for compiled functions (they do not create Python "
		         "frames)";
	else
		return;
	snprintf(message, sizeof(message), "%.*s() %s", SCOUT_TEXT_ARG(fn, w->src), effect);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_frame_introspection = {
    .id = "frame-introspection",
    .category = SCOUT_BEHAVIOUR,
    .title = "locals(), frame access, eval/exec without namespaces",
    .why = "compiled functions have no Python frames: locals() and eval/exec without "
           "explicit namespaces see the caller's frame, sys._getframe() and "
           "inspect.currentframe() return the caller's frame",
    .bad = "def f() -> dict:\n    x = 1\n    return locals()\n",
    .good = "def f() -> dict:\n    x = 1\n    return {\"x\": x}\n",
    .fix = "pass the values explicitly (a dict, or eval/exec with explicit globals and "
           "locals) instead of reading frames",
    .docs = SCOUT_DOCS_DIFF,
    .on = "call",
    .enter = check_frame_introspection,
    .callees = frame_callees};

static const char *const hooks[] = {"sys.settrace",
                                    "sys.setprofile",
                                    "threading.settrace",
                                    "threading.setprofile",
                                    "threading.settrace_all_threads",
                                    "threading.setprofile_all_threads",
                                    "sys.monitoring.register_callback",
                                    "sys.monitoring.set_events",
                                    "cProfile.run",
                                    "cProfile.runctx",
                                    "cProfile.Profile",
                                    "profile.run",
                                    "profile.runctx",
                                    "profile.Profile",
                                    "trace.Trace",
                                    "coverage.Coverage",
                                    "coverage.coverage",
                                    "coverage.process_startup",
                                    NULL};

static const char *const *const hook_callees[] = {hooks, NULL};

/* Reports the call `node` when its callee (a name or an attribute) qualifies
 * to one of `names`: "<callee>(): <effect>". */
static void report_call(scout_walk *w, TSNode node, const scout_rule *self,
                        const char *const *names, const char *effect)
{
	TSNode fn = scout_node_field(node, w->sym->f_function);
	char message[256];

	if (ts_node_symbol(fn) != w->sym->identifier && ts_node_symbol(fn) != w->sym->attribute)
		return;
	if (!scout_walk_is(w, fn, names))
		return;
	snprintf(message, sizeof(message), "%.*s(): %s", SCOUT_TEXT_ARG(fn, w->src), effect);
	scout_walk_report(w, self, node, message, NULL);
}

static void check_profiling_tracing(scout_walk *w, TSNode node, const scout_rule *self)
{
	report_call(w, node, self, hooks,
	            "profilers, tracers and coverage tools do not see compiled functions");
}

static const scout_rule rule_profiling_tracing = {
    .id = "profiling-tracing",
    .category = SCOUT_INFO,
    .title = "profilers, tracers and coverage hooks",
    .why = "sys.setprofile/settrace hooks, cProfile, profile, trace and coverage do not see "
           "compiled functions",
    .bad = "import cProfile\n\ncProfile.run(\"main()\")\n",
    .good = "import time\n\nstart = time.perf_counter()\nmain()\nprint(time.perf_counter() - "
            "start)\n",
    .fix = "profile the interpreted module (or time it from outside); use a native profiler "
           "such as perf for compiled code",
    .docs = SCOUT_DOCS_DIFF,
    .on = "call",
    .enter = check_profiling_tracing,
    .callees = hook_callees};

static const char *const debuggers[] = {
    "builtins.breakpoint", "pdb.set_trace",      "pdb.Pdb", "pdb.run",        "pdb.runcall",
    "pdb.runeval",         "pdb.post_mortem",    "pdb.pm",  "ipdb.set_trace", "ipdb.post_mortem",
    "pudb.set_trace",      "debugpy.breakpoint", NULL};

static const char *const *const debugger_callees[] = {debuggers, NULL};

static void check_debugger(scout_walk *w, TSNode node, const scout_rule *self)
{
	report_call(w, node, self, debuggers,
	            "debuggers cannot set breakpoints in or step through compiled functions");
}

static const scout_rule rule_debugger = {
    .id = "debugger",
    .category = SCOUT_INFO,
    .title = "breakpoint() and pdb in compiled code",
    .why = "debuggers cannot set breakpoints in or step through compiled functions",
    .bad = "def f(x: int) -> int:\n    breakpoint()\n    return x\n",
    .good = "def f(x: int) -> int:\n    return x\n",
    .fix = "remove the breakpoint, and debug the module interpreted",
    .docs = SCOUT_DOCS_DIFF,
    .on = "call",
    .enter = check_debugger,
    .callees = debugger_callees};

static const char *const inspect_words[] = {
    "signature",  "ismethod",       "isfunction",      "getfullargspec",
    "getargspec", "get_type_hints", "__annotations__", NULL,
};

static const char *const inspect_names[] = {
    "inspect.signature",
    "inspect.ismethod",
    "inspect.isfunction",
    "inspect.getfullargspec",
    "inspect.getargspec",
    "typing.get_type_hints",
    "typing_extensions.get_type_hints",
    NULL,
};

static void check_introspection(scout_walk *w, TSNode node, const scout_rule *self)
{
	const char *word = scout_nodes_word_of(w, node, inspect_words);
	TSNode parent, call;
	char message[320];
	const char *text;
	int n;

	if (!word)
		return;
	parent = scout_walk_ancestor(w, 1);
	if (strcmp(word, "__annotations__") == 0) {
		if (!scout_nodes_is(parent, w->sym->attribute) ||
		    ts_node_end_byte(parent) != ts_node_end_byte(node))
			return;
		n = scout_nodes_clip_line(parent, w->src, &text);
		snprintf(message, sizeof(message),
		         "%.*s differs on compiled classes and functions: mypyc keeps no "
		         "annotations at run time (empty or missing)",
		         n, text);
		scout_walk_report(w, self, parent, message, NULL);
		return;
	}
	call = scout_nodes_call_to(w, node, inspect_names);
	if (ts_node_is_null(call))
		return;
	n = scout_nodes_clip_line(scout_node_field(call, w->sym->f_function), w->src, &text);
	snprintf(message, sizeof(message),
	         "%.*s() sees compiled functions as builtins: signatures, argument specs and "
	         "ismethod/isfunction answers differ from CPython",
	         n, text);
	scout_walk_report(w, self, call, message, NULL);
}

static const scout_rule rule_inspect_introspection = {
    .id = "inspect-introspection",
    .category = SCOUT_BEHAVIOUR,
    .title = "introspection of compiled functions and classes",
    .why = "compiled functions are builtins: inspect.signature fails or loses defaults, "
           "inspect.ismethod/isfunction answer False, and __annotations__ is empty",
    .bad = "import inspect\n\nparams = inspect.signature(handler).parameters\n",
    .good = "PARAMS = (\"request\", \"timeout\")  # declared, not introspected\n",
    .fix = "declare what the code needs (a table, a Protocol) instead of introspecting "
           "compiled functions, or keep the introspected code interpreted",
    .docs = SCOUT_DOCS_DIFF,
    .on = "identifier",
    .enter = check_introspection,
    .words = inspect_words};

static const char *const recursion_words[] = {"RecursionError", "setrecursionlimit", NULL};

static const char *const recursion_error[] = {"builtins.RecursionError", NULL};

static const char *const setrecursionlimit[] = {"sys.setrecursionlimit", NULL};

/* True when the current identifier is (part of) the exception list of an
 * `except` clause, not its body. */
static bool in_except_value(const scout_walk *w)
{
	const scout_symbols *s = w->sym;

	for (uint32_t up = 1; up <= 4; up++) {
		TSNode a = scout_walk_ancestor(w, up);

		if (scout_nodes_is(a, s->except_clause))
			return true;
		if (!scout_nodes_is(a, w->sym->tuple) && !scout_nodes_is(a, w->sym->as_pattern) &&
		    !scout_nodes_is(a, w->sym->parenthesized_expression))
			return false;
	}
	return false;
}

static void check_recursion(scout_walk *w, TSNode node, const scout_rule *self)
{
	const char *word = scout_nodes_word_of(w, node, recursion_words);
	TSNode call;

	if (!word)
		return;
	if (strcmp(word, "RecursionError") == 0) {
		if (in_except_value(w) && scout_walk_is(w, node, recursion_error))
			scout_walk_report(
			    w, self, node,
			    "except RecursionError never fires for compiled code: mypyc "
			    "does not check recursion depth, so deep recursion crashes "
			    "the process",
			    NULL);
		return;
	}
	call = scout_nodes_call_to(w, node, setrecursionlimit);
	if (!ts_node_is_null(call))
		scout_walk_report(
		    w, self, call,
		    "sys.setrecursionlimit() does not guard compiled functions: mypyc "
		    "does not check recursion depth, so deep recursion crashes the "
		    "process",
		    NULL);
}

static const scout_rule rule_stack_overflow = {
    .id = "stack-overflow",
    .category = SCOUT_BEHAVIOUR,
    .title = "relying on RecursionError or the recursion limit",
    .why = "compiled functions do not check recursion depth: deep recursion crashes the "
           "process (segfault) instead of raising RecursionError",
    .bad = "try:\n    walk(tree)\nexcept RecursionError:\n    fallback(tree)\n",
    .good = "walk_iteratively(tree)\n",
    .fix = "bound the recursion depth yourself or make the algorithm iterative",
    .docs = SCOUT_DOCS_DIFF,
    .on = "identifier",
    .enter = check_recursion,
    .words = recursion_words};

static const char *const dynamic_words[] = {"getattr", "setattr", "hasattr", "delattr",  "eval",
                                            "exec",    "locals",  "vars",    "__dict__", NULL};

static const char *const attr_functions[] = {"builtins.getattr", "builtins.setattr",
                                             "builtins.hasattr", "builtins.delattr", NULL};

static const char *const dynamic_functions[] = {"builtins.eval", "builtins.exec", "builtins.locals",
                                                "builtins.vars", NULL};

static bool is_plain_string(const scout_walk *w, TSNode n)
{
	uint32_t count;

	if (!scout_nodes_is(n, w->sym->string))
		return scout_nodes_is(n, w->sym->concatenated_string);
	count = scout_node_named_child_count(n);
	for (uint32_t i = 0; i < count; i++)
		if (scout_nodes_is(scout_node_named_child(n, i), w->sym->interpolation))
			return false;
	return true;
}

static void check_dynamic(scout_walk *w, TSNode node, const scout_rule *self)
{
	const char *word = scout_nodes_word_of(w, node, dynamic_words);
	TSNode call;
	char message[320];

	if (!word)
		return;
	if (strcmp(word, "__dict__") == 0) {
		TSNode parent = scout_walk_ancestor(w, 1);
		const char *text;
		int n;

		if (!scout_nodes_is(parent, w->sym->attribute) ||
		    ts_node_end_byte(parent) != ts_node_end_byte(node))
			return;
		n = scout_nodes_clip_line(parent, w->src, &text);
		snprintf(message, sizeof(message),
		         "%.*s works on the instance dictionary: native classes have none, and "
		         "mypyc uses generic operations on it",
		         n, text);
		scout_walk_report(w, self, parent, message, NULL);
		return;
	}
	if (!ts_node_is_null(call = scout_nodes_call_to(w, node, attr_functions))) {
		TSNode args = scout_node_field(call, w->sym->f_arguments);
		TSNode attr_name = scout_nodes_is(args, w->sym->argument_list)
		                       ? scout_nodes_argument_at(w, args, 1)
		                       : SCOUT_NULL_NODE;

		if (ts_node_is_null(attr_name) || is_plain_string(w, attr_name))
			return;
		snprintf(message, sizeof(message),
		         "%s() with a computed attribute name: mypyc looks the attribute up "
		         "dynamically instead of using a native attribute access",
		         word);
	} else if (!ts_node_is_null(call = scout_nodes_call_to(w, node, dynamic_functions))) {
		snprintf(message, sizeof(message),
		         "%s() works on namespaces compiled code does not keep: mypyc runs it as a "
		         "generic Python call, without native speed",
		         word);
	} else {
		return;
	}
	scout_walk_report(w, self, call, message, NULL);
}

static const scout_rule rule_dynamic_features = {
    .id = "dynamic-features",
    .category = SCOUT_SLOW,
    .title = "dynamic attribute access, eval/exec, locals()/vars(), __dict__",
    .why = "getattr/setattr/hasattr/delattr with computed names, eval/exec, locals(), "
           "vars() and __dict__ bypass native attributes and run as generic Python",
    .bad = "def get(o: Config, name: str) -> object:\n    return getattr(o, name)\n",
    .good = "def get_timeout(o: Config) -> int:\n    return o.timeout\n",
    .fix = "access attributes by name in code, or use a dict for data keyed at run time",
    .docs = SCOUT_DOCS_PERF,
    .on = "identifier",
    .enter = check_dynamic,
    .words = dynamic_words};

SCOUT_FAMILY(scout_family_runtime_introspection, &rule_frame_introspection, &rule_profiling_tracing,
             &rule_debugger, &rule_inspect_introspection, &rule_stack_overflow,
             &rule_dynamic_features);
