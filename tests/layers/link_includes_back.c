/* Must not compile: link/ sees no header of the layers after it. */
#include "scout/scan.h"
