/* The compiled module in its process: run as a script, interrupted,
 * shared between threads (differences_from_python.rst, dev-intro.md). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

/* --- if __name__ == "__main__": ------------------------------------------------ */

static bool is_main_string(const scout_walk *w, TSNode n)
{
	return ts_node_symbol(n) == w->sym->string &&
	       (scout_node_text_is(n, w->src, "\"__main__\"") ||
	        scout_node_text_is(n, w->src, "'__main__'"));
}

static void check_run_as_script(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cond = scout_node_field(node, w->sym->f_condition), a, b;

	if (scout_walk_ancestor_symbol(w, 1) != w->sym->module ||
	    !scout_nodes_is(cond, w->sym->comparison_operator) ||
	    scout_node_child_count(cond) != 3 ||
	    !scout_node_text_is(scout_node_child(cond, 1), w->src, "=="))
		return;
	a = scout_node_named_child(cond, 0);
	b = scout_node_named_child(cond, 1);
	if (!((scout_node_text_is(a, w->src, "__name__") && is_main_string(w, b)) ||
	      (scout_node_text_is(b, w->src, "__name__") && is_main_string(w, a))))
		return;
	scout_walk_report(w, self, node,
	                  "this `__main__` block runs only interpreted: a compiled module cannot "
	                  "be run as a script (`python -m` fails, `python file.py` runs the "
	                  "source)",
	                  NULL);
}

static const scout_rule rule_run_as_script = {
    .id = "run-as-script",
    .category = SCOUT_BEHAVIOUR,
    .title = "if __name__ == \"__main__\": block in a compiled module",
    .why = "compiled modules cannot be run with `python -m`, and `python mod.py` runs the "
           "interpreted source, so the block only ever runs interpreted",
    .bad = "def main() -> None:\n    print(\"hi\")\n\nif __name__ == \"__main__\":\n    "
           "main()\n",
    .good = "def main() -> None:\n    print(\"hi\")\n",
    .fix = "move the entry point into a small uncompiled module (e.g. __main__.py or a "
           "console_scripts entry point) that imports this one",
    .docs = SCOUT_DOCS_DIFF,
    .on = "if_statement",
    .enter = check_run_as_script};

static const scout_rule rule_ctrl_c = {
    .id = "ctrl-c",
    .category = SCOUT_BEHAVIOUR,
    .title = "KeyboardInterrupt is not seen inside long compiled loops",
    .why = "compiled code does not check for signals between Python bytecodes",
    .bad = "def spin(n: int) -> int:\n    while n:\n        n -= 1\n    return n\n",
    .good = "def spin(n: int) -> int:\n    while n:\n        n -= 1\n        if n % "
            "1_000_000 == 0:\n            time.sleep(0)\n    return n\n",
    .fix = "call into the interpreter now and then in long loops (e.g. time.sleep(0)) if "
           "they must stay interruptible",
    .docs = "https://mypyc.readthedocs.io/en/latest/dev-intro.html",
    .advisory = true};

static const scout_rule rule_free_threading_atomicity = {
    .id = "free-threading-atomicity",
    .category = SCOUT_BEHAVIOUR,
    .title = "compiled primitives may differ in atomicity under free threading",
    .why = "mypyc's optimised primitives do not promise CPython's per-operation atomicity "
           "on free-threaded builds",
    .bad = "counter[0] += 1  # shared between threads\n",
    .good = "with lock:\n    counter[0] += 1\n",
    .fix = "guard shared mutable state with locks",
    .docs = SCOUT_DOCS_DIFF,
    .advisory = true};

SCOUT_FAMILY(scout_family_runtime_process, &rule_run_as_script, &rule_ctrl_c,
             &rule_free_threading_atomicity);
