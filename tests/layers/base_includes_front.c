/* Must not compile: base/ sees no header of a layer above it. */
#include "scout/walk.h"
