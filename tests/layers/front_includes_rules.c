/* Must not compile: the front layer (model, discover, parse, analyse,
 * project) sees no header of the rules. */
#include "registry.h"
