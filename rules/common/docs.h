/* Links to mypyc's documentation that rule entries give in `docs`. */
#ifndef SCOUT_RULES_DOCS_H
#define SCOUT_RULES_DOCS_H

#define SCOUT_DOCS_NATIVE "https://mypyc.readthedocs.io/en/latest/native_classes.html"
#define SCOUT_DOCS_DIFF   "https://mypyc.readthedocs.io/en/latest/differences_from_python.html"
#define SCOUT_DOCS_TYPES  "https://mypyc.readthedocs.io/en/latest/using_type_annotations.html"
#define SCOUT_DOCS_PERF   "https://mypyc.readthedocs.io/en/latest/performance_tips_and_tricks.html"

#endif
