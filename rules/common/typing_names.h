/* Qualified names that rules in several files compare against with
 * scout_walk_is (NULL-terminated lists). A list one file needs stays in
 * that file. */
#ifndef SCOUT_RULES_TYPING_NAMES_H
#define SCOUT_RULES_TYPING_NAMES_H

/* typing.Final, typing_extensions.Final */
extern const char *const scout_final_names[];
/* typing.ClassVar, typing_extensions.ClassVar */
extern const char *const scout_classvar_names[];
/* typing.Any, typing_extensions.Any */
extern const char *const scout_any_names[];
/* builtins.classmethod */
extern const char *const scout_classmethod_names[];
/* builtins.staticmethod */
extern const char *const scout_staticmethod_names[];
/* builtins.object */
extern const char *const scout_object_names[];
/* mypy_extensions.mypyc_attr */
extern const char *const scout_mypyc_attr_names[];
/* The types mypyc keeps unboxed: int, float, bool and the native ints of
 * mypy_extensions (i64, i32, i16, u8). */
extern const char *const scout_value_type_names[];

#endif
