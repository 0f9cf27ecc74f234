/* Qualified names that rules in several files compare against
 * (common/typing_names.h). */
#include "common/typing_names.h"

#include <stddef.h>

const char *const scout_final_names[] = {"typing.Final", "typing_extensions.Final", NULL};
const char *const scout_classvar_names[] = {"typing.ClassVar", "typing_extensions.ClassVar", NULL};
const char *const scout_any_names[] = {"typing.Any", "typing_extensions.Any", NULL};
const char *const scout_classmethod_names[] = {"builtins.classmethod", NULL};
const char *const scout_staticmethod_names[] = {"builtins.staticmethod", NULL};
const char *const scout_object_names[] = {"builtins.object", NULL};
const char *const scout_mypyc_attr_names[] = {"mypy_extensions.mypyc_attr", NULL};
const char *const scout_value_type_names[] = {
    "builtins.int",        "builtins.float",      "builtins.bool",      "mypy_extensions.i64",
    "mypy_extensions.i32", "mypy_extensions.i16", "mypy_extensions.u8", NULL,
};
