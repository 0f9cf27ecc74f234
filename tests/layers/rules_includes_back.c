/* Must not compile: rules/ sees no header of rank, scan or audit. */
#include "scout/plan.h"
