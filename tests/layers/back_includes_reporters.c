/* Must not compile: rank, scan and audit see no reporter header. */
#include "reporter.h"
