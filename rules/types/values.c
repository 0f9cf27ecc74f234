/* Rule family: what only a type checker (or a run) can see. These are never
 * guessed per line: `mypyc-scout rules` documents them and every scan lists
 * them once, as advisories. */
#include "registry.h"

#define DOCS_DIFF  "https://mypyc.readthedocs.io/en/latest/differences_from_python.html"
#define DOCS_TYPES "https://mypyc.readthedocs.io/en/latest/using_type_annotations.html"

static const scout_rule rule_mypy_type_error = {
    .id = "mypy-type-error",
    .category = SCOUT_BLOCKER,
    .title = "mypy must pass cleanly: run it with the same config first",
    .why = "mypyc type-checks the modules first and stops at any mypy error "
           "(mypyc/build.py: exit on result.errors)",
    .bad = "def f() -> str:\n    return 1\n",
    .good = "def f() -> str:\n    return \"1\"\n",
    .fix = "run mypy on the modules to compile, with the configuration mypyc will use, and "
           "fix every error",
    .docs = DOCS_DIFF,
    .advisory = true};

static const scout_rule rule_override_native_int_default = {
    .id = "override-native-int-default",
    .category = SCOUT_BLOCKER,
    .title = "method override adds a default to a native int (or float) argument",
    .why = "mypyc reports \"An argument with type \\\"{type}\\\" cannot be given a default "
           "value in a method override\"",
    .bad = "class A:\n    def f(self, x: i64) -> None: ...\n\nclass B(A):\n    def f(self, "
           "x: i64 = 0) -> None: ...\n",
    .good = "class A:\n    def f(self, x: i64 = 0) -> None: ...\n\nclass B(A):\n    def "
            "f(self, x: i64 = 0) -> None: ...\n",
    .fix = "give the base method's argument the same default, or drop it from the override",
    .docs = DOCS_TYPES,
    .since = SCOUT_V(0, 990, 0),
    .advisory = true};

static const scout_rule rule_strict_bytes_implicit = {
    .id = "strict-bytes-implicit",
    .category = SCOUT_BLOCKER,
    .title = "bytearray or memoryview passed where bytes is annotated",
    .why = "mypyc forces --strict-bytes, so mypy reports e.g. 'Argument 1 to \"f\" has "
           "incompatible type \"bytearray\"; expected \"bytes\"  [arg-type]'",
    .bad = "def f(b: bytes) -> int:\n    return len(b)\n\nf(bytearray(b\"x\"))\n",
    .good = "def f(b: bytes) -> int:\n    return len(b)\n\nf(bytes(bytearray(b\"x\")))\n",
    .fix = "annotate the parameter bytes | bytearray | memoryview, or convert with bytes()",
    .docs = DOCS_TYPES,
    .since = SCOUT_V(1, 20, 0),
    .advisory = true};

static const scout_rule rule_int_bool_coercion = {
    .id = "int-bool-coercion",
    .category = SCOUT_BEHAVIOUR,
    .title = "bool values stored in int-typed slots become plain ints",
    .why = "native int slots hold the value, not the bool object: first_int([True]) returns 1",
    .bad = "def first(xs: list[int]) -> int:\n    return xs[0]\n\nfirst([True])  # 1 "
           "compiled\n",
    .good = "def first(xs: list[bool]) -> bool:\n    return xs[0]\n",
    .fix = "annotate values that may be bool as bool (or int | bool)",
    .docs = DOCS_DIFF,
    .advisory = true};

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
    .docs = DOCS_DIFF,
    .advisory = true};

static const scout_rule rule_erased_types = {
    .id = "erased-types",
    .category = SCOUT_SLOW,
    .title = "erased types (Callable, TypeVar, Protocol, non-native classes) get no native "
             "operations",
    .why = "mypyc treats such values as generic objects",
    .bad = "def apply(f: Callable[[int], int], x: int) -> int:\n    return f(x)\n",
    .good = "def double(x: int) -> int:\n    return 2 * x\n",
    .fix = "in hot code, prefer concrete native classes and primitive types",
    .docs = DOCS_TYPES,
    .advisory = true};

SCOUT_FAMILY(scout_family_advisories, &rule_mypy_type_error, &rule_override_native_int_default,
             &rule_strict_bytes_implicit, &rule_int_bool_coercion, &rule_ctrl_c,
             &rule_free_threading_atomicity, &rule_erased_types);
