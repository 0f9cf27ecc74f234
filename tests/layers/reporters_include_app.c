/* Must not compile: reporters see no header of the app (CLI, settings). */
#include "scout/cli.h"
