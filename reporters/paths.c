/* Report paths for CI systems and terminals (paths.h). */
#include "paths.h"

char *scout_report_repo_path(const scout_scan *scan, const char *path)
{
	return scout_asprintf("%s%s", scan->repo_prefix ? scan->repo_prefix : "", path ? path : "");
}
