/* Report paths for CI systems and terminals (paths.h). */
#include "paths.h"

#include <stdlib.h>

#include "escape.h"

void scout_report_local_path(scout_buf *b, const scout_scan *scan, const char *path)
{
	char *local = scout_scan_local_path(scan, path);

	if (local)
		scout_escape_terminal(b, local);
	free(local);
}

char *scout_report_repo_path(const scout_scan *scan, const char *path)
{
	return scout_asprintf("%s%s", scan->repo_prefix ? scan->repo_prefix : "", path ? path : "");
}
